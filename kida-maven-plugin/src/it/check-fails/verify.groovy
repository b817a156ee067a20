// check must have failed the build and named every broken template by file:line:column.
def log = new File(basedir, 'build.log').text
def sep = File.separator
assert log.contains('BUILD FAILURE')
assert log.contains("src${sep}main${sep}resources${sep}templates${sep}list.html:3:")
assert log.contains('nosuchfilter')
assert log.contains("src${sep}main${sep}resources${sep}templates${sep}mail${sep}welcome.eml:2:")
assert log.contains('checked 3 templates: 2 have errors')
assert !log.contains('good.html:'), 'a good template is not reported'
assert !log.contains('notes.md'), 'files with other extensions are not templates'
return true
