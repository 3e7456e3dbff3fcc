package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report pages in a real browser (headless Debian {@code chromium}), as a teacher on a projector and a planner
 * on a phone would open them: a run, a replay and one of its variants' run reports, a sweep and a comparison, each
 * at 400 and at 1400 CSS pixels. A page fails on any console error, uncaught exception or failed load, a broken
 * image, a chart not drawn at twice its displayed size, a link to a file that is not there, or an element wider
 * than the viewport outside a box that scrolls sideways. Screenshots of every page at both widths are kept in
 * {@code target/browser-screenshots/}.
 *
 * <p>Without a browser the test is skipped with a message saying how to install one, except under CI (CI=true),
 * where a missing browser fails: .ci/run installs it.
 */
class BrowserAcceptanceTest {
    static final Path OUT = Path.of("target", "browser-pages").toAbsolutePath();
    static final Path SHOTS = Path.of("target", "browser-screenshots").toAbsolutePath();
    static HeadlessBrowser browser;

    /** The pages to open: name for the screenshot, and the page. */
    static final List<String[]> PAGES = List.of(
            new String[] {"run", "run/index.html"},
            new String[] {"replay", "replay/index.html"},
            new String[] {"replay-variant", "replay/variants/dreamwiz-2008/index.html"},
            new String[] {"sweep", "sweep/index.html"},
            new String[] {"compare", "compare/index.html"});

    @BeforeAll
    static void writePagesAndStartBrowser() throws Exception {
        Optional<Path> chromium = HeadlessBrowser.find();
        if (chromium.isEmpty()) {
            String message = "no headless browser: install Debian's chromium (apt-get install chromium) or set "
                    + "MAILSIM_CHROMIUM to a Chromium executable";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; under CI the browser test must run (.ci/run installs it)");
            }
            System.err.println("BrowserAcceptanceTest skipped: " + message);
            Assumptions.abort(message);
        }
        // Fresh pages every time: a folder left by an older build (another marker format) must not be reused.
        if (Files.exists(OUT)) {
            try (Stream<Path> old = Files.walk(OUT)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(OUT);
        Path scenarios = ReplayAcceptanceTest.SCENARIOS;
        run("run", scenarios.resolve("portal-baseline.yaml").toString(), "--replications", "20", "--out",
                OUT.resolve("run").toString(), "--force", "--quiet", "--set", "storage.raid.level=raid5");
        run("replay", "dreamwiz-2008", "--scenarios", scenarios.toString(), "--out", OUT.resolve("replay").toString(),
                "--force", "--quiet");
        run("sweep", scenarios.resolve("raid-budget-sweep.yaml").toString(), "--replications", "4", "--out",
                OUT.resolve("sweep").toString());
        run("run", scenarios.resolve("portal-baseline.yaml").toString(), "--replications", "20", "--out",
                OUT.resolve("run-raid6").toString(), "--force", "--quiet", "--set", "storage.raid.level=raid6");
        run("compare", OUT.resolve("run").toString(), OUT.resolve("run-raid6").toString(), "--out",
                OUT.resolve("compare").toString(), "--force");
        browser = new HeadlessBrowser(chromium.get());
    }

    private static void run(String... args) {
        ReplayAcceptanceTest.Result r = ReplayAcceptanceTest.mailsim(args);
        assertThat(r.exit()).as("mailsim %s: %s", String.join(" ", args), r.err()).isZero();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Arguments> pagesAndWidths() {
        List<Arguments> out = new ArrayList<>();
        for (String[] page : PAGES) {
            for (int width : new int[] {400, 1400}) {
                out.add(Arguments.of(page[0], page[1], width));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} at {2} px")
    @MethodSource("pagesAndWidths")
    void pageOpensCleanAndFitsTheScreen(String name, String page, int width) throws Exception {
        Path file = OUT.resolve(page);
        assertThat(file).exists();
        browser.open(file, width);
        browser.screenshot(SHOTS.resolve(name + "-" + width + ".png"), width);

        assertThat(browser.problems()).as("console errors, exceptions and failed loads of %s", page).isEmpty();
        assertThat(list(browser.eval("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                + ".map(i => i.getAttribute('src'))"))).as("broken images on %s", page).isEmpty();
        assertThat(list(browser.eval("[...document.images].filter(i => i.hasAttribute('width') && i.naturalWidth"
                + " < 2 * Number(i.getAttribute('width'))).map(i => i.getAttribute('src') + ' ' + i.naturalWidth)")))
                .as("charts drawn at less than twice their displayed width on %s", page).isEmpty();
        assertThat(list(browser.eval(overflow(width)))).as("elements wider than the %d px viewport on %s", width, page)
                .isEmpty();
        List<String> missing = new ArrayList<>();
        for (String href : list(browser.eval("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute("
                + "'href')).filter(h => !h.startsWith('#') && !/^[a-z]+:/.test(h))"))) {
            Path target = file.getParent().resolve(href.replaceAll("#.*", "")).normalize();
            if (!Files.exists(target)) {
                missing.add(href);
            }
        }
        assertThat(missing).as("links to missing files on %s", page).isEmpty();
    }

    /** The checks can fail: a page with each fault the test looks for is caught on every count. */
    @Test
    void aBrokenPageIsCaught() throws Exception {
        Path bad = OUT.resolve("bad/index.html");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width\">"
                + "</head><body><table style=\"width:900px\"><tr><td>wide</td></tr></table>"
                + "<img src=\"missing.png\" width=\"100\" height=\"50\"><a href=\"nowhere.csv\">data</a>"
                + "<script>console.error('boom')</script></body></html>");
        browser.open(bad, 400);
        assertThat(browser.awaitProblems(2, 10)).anyMatch(p -> p.contains("boom"))
                .anyMatch(p -> p.contains("missing.png"));
        assertThat(list(browser.eval(overflow(400)))).anyMatch(p -> p.startsWith("table"));
        assertThat(list(browser.eval("[...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                + ".map(i => i.getAttribute('src'))"))).containsExactly("missing.png");
    }

    @Test
    void comparePageSaysTheRunsArePairedOnCommonRandomNumbers() throws Exception {
        // Both runs: portal-baseline, seed 2024, 20 replications, each folder with its replications.csv.
        browser.open(OUT.resolve("compare/index.html"), 1400);
        String text = browser.eval("document.body.innerText").asText();
        assertThat(text).contains("B − A: paired: common random numbers, 20 pairs")
                .contains("unpaired: a mean over outages, not a value per replication");
        assertThat(OUT.resolve("run/replications.csv")).isRegularFile();
        assertThat(browser.problems()).isEmpty();
    }

    @Test
    void sweepTableSortsWhenAHeadingIsClicked() throws Exception {
        browser.open(OUT.resolve("sweep/index.html"), 1400);
        // Column 3 is the total cost: one click sorts ascending, a second descending.
        String cells = "[...document.querySelectorAll('table.sortable tbody tr td:nth-child(3)')]"
                + ".map(td => parseFloat(td.getAttribute('data-v')))";
        browser.eval("document.querySelector('table.sortable th:nth-child(3)').click()");
        List<Double> up = numbers(browser.eval(cells));
        assertThat(up).hasSizeGreaterThan(1).isSorted();
        browser.eval("document.querySelector('table.sortable th:nth-child(3)').click()");
        List<Double> down = numbers(browser.eval(cells));
        assertThat(down).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(browser.problems()).isEmpty();
    }

    /**
     * Elements sticking out of the viewport, left or right, that no ancestor lets scroll (or clips): a page that
     * must be dragged sideways as a whole. The document's own width is checked too.
     */
    static final String OVERFLOW = """
            (() => {
              const W = %d, bad = [];
              const boxed = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                  const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
                return false; };
              if (document.documentElement.scrollWidth > W + 1) bad.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
              for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                if ((r.right > W + 1 || r.left < -1) && !boxed(el))
                  bad.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' spans ' + Math.round(r.left)
                      + '..' + Math.round(r.right) + ' px: "' + (el.textContent || '').trim().slice(0, 50) + '"');
              }
              return bad.slice(0, 15);
            })()""";

    /** {@link #OVERFLOW} against the viewport's width as set, not innerWidth (a phone zooms out to fit wide pages). */
    static String overflow(int width) {
        return String.format(java.util.Locale.ROOT, OVERFLOW, width);
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out;
    }
}
