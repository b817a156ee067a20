// The build passed (surefire ran the test above); check the goals said what they did.
def log = new File(basedir, 'build.log').text
assert log.contains('kida: checked 2 templates: no errors')
assert log =~ /kida: compiled 2 templates into .*kida-compiled/
assert log.contains('Tests run: 4, Failures: 0, Errors: 0')
return true
