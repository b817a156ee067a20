package dev.kida.example.spring;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** One page: a form whose submitted value comes back, escaped, in the field and the greeting. */
@Controller
public class GreetingController {
    /** The form, and the greeting when a name was sent. Renders templates/greeting.html. */
    @GetMapping("/")
    public String greeting(@RequestParam(name = "name", defaultValue = "") String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("examples", List.of(new Example("Ada", "a plain name"),
                new Example("<b>Bold</b> & co", "markup stays text")));
        return "greeting";
    }

    /** A row of the examples table: a name to try and why. */
    public record Example(String name, String why) {
    }
}
