package org.her2feeds.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The page people open: the day's articles, subscriptions, activity and source health. */
@Controller
class HomeController {

    private final HomePageService pages;

    HomeController(HomePageService pages) {
        this.pages = pages;
    }

    @GetMapping("/")
    String home(
            @RequestParam(required = false) String date, @RequestParam(required = false) String topic, Model model) {
        model.addAttribute("page", pages.page(date, topic));
        return "home";
    }

    /** A page address the reader can correct: the same refusal the feeds and the API give, as a page. */
    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView refused(ResponseStatusException e) {
        return new ModelAndView("bad-request", Map.of("message", String.valueOf(e.getReason())), e.getStatusCode());
    }
}
