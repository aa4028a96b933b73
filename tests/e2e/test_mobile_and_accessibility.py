"""Every page type at 375 px and 1280 px, as anonymous, member and coordinator (config/demo/pages.py).

For each role one browser context logs in once and opens every page type that role can see. On each page:
- it answers the expected status, with no Content Security Policy violation or script error;
- at 375 px it does not scroll sideways (the failure names the element that sticks out);
- axe-core finds no serious or critical violation of WCAG 2.0/2.1/2.2 A and AA, at both widths;
- a full-page screenshot at both widths lands in $SCREENSHOT_DIR (default: pytest's tmp dir) as
  <role>/<nn>-<page type>-<width>.png.
Every problem of a role is collected, then the test fails listing them all.

axe-core is vendored for the tests only (tests/e2e/vendor/axe-core/README.md), never served by the app.
The page's CSP (script-src 'self') would block an inline copy, and bypassing the CSP would hide the
pages' own violations; so the context answers one made-up same-origin address with the file
(`context.route`) and `add_script_tag(url=...)` loads it from there, with the CSP in force.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

from config.demo import pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_PATH = "/__tests__/axe.min.js"  # answered by the test context only; the app has no such URL
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_FAILING = ("serious", "critical")
MOBILE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000

# The outermost elements whose box reaches past the viewport's right edge (outside any element that
# scrolls or clips sideways); if only text overflows, the innermost elements whose content does.
SIDEWAYS = """() => {
  const root = document.documentElement, limit = root.clientWidth + 0.5;
  if (root.scrollWidth <= root.clientWidth) return null;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + [...el.classList].map((c) => '.' + c).join('');
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
    return parts.join(' > ');
  };
  // Clipped by an ancestor that scrolls or hides sideways, along the chain of containing blocks: an
  // absolutely positioned element escapes every ancestor up to the nearest positioned one.
  const clipped = (el) => {
    let position = getComputedStyle(el).position, escaping = position === 'absolute';
    if (position === 'fixed') return false;
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (escaping && style.position === 'static' && style.transform === 'none') continue;
      if (style.overflowX !== 'visible') return true;
      if (style.position === 'fixed') return false;
      escaping = style.position === 'absolute';
    }
    return false;
  };
  const all = [...document.body.querySelectorAll('*')].filter((el) => !clipped(el));
  const right = (el) => el.getBoundingClientRect().right + window.scrollX;
  const reach = (el) => el.getBoundingClientRect().left + window.scrollX + el.scrollWidth;
  const boxes = new Set(all.filter((el) => right(el) > limit));
  let found = [...boxes].filter((el) => !boxes.has(el.parentElement));
  if (!found.length) {
    const spills = new Set(all.filter((el) => reach(el) > limit));
    found = [...spills].filter((el) => ![...el.children].some((c) => spills.has(c)));
  }
  const describe = (el) => ({
    element: path(el), width: Math.round(Math.max(el.getBoundingClientRect().width, el.scrollWidth)),
    right: Math.round(Math.max(right(el), reach(el))), text: (el.innerText || '').trim().slice(0, 60),
  });
  return {
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    offenders: found.map(describe).sort((a, b) => b.width - a.width).slice(0, 3),
  };
}"""

AXE_RUN = """async ([tags, failing]) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return results.violations.filter((v) => failing.includes(v.impact)).map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')), count: v.nodes.length,
  }));
}"""


@pytest.fixture(scope="module")
def screenshot_dir(tmp_path_factory):
    folder = os.environ.get("SCREENSHOT_DIR")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def site(live_server, settings):
    """The demo plus config.demo.pages.prepare(); DEBUG off, so 403 and 404 are the visitors' pages."""
    settings.DEBUG = False
    cache.clear()  # allauth's login rate limit
    call_command("load_demo", force=True, quiet=True)
    pages.prepare()
    return live_server.url


def _context(browser, site, role, problems):
    context = browser.new_context(viewport=MOBILE)
    context.set_default_timeout(TIMEOUT_MS)
    context.route(site + AXE_PATH, lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    if role != "anonymous":
        page.goto(site + "/accounts/login/")
        page.locator("#id_login").fill(pages.ROLES[role])
        page.locator("#id_password").fill(pages.PASSWORD)
        with page.expect_navigation():
            page.locator("main button[type=submit]").click()
        assert "/accounts/login/" not in page.url, f"{role} could not log in"
    return context, page


def _sideways(page):
    found = page.evaluate(SIDEWAYS)
    if found is None:
        return None
    offenders = "; ".join(
        f"`{o['element']}` {o['width']} px wide, reaching {o['right']} px ({o['text']!r})" for o in found["offenders"]
    )
    return f"scrolls sideways at 375 px (scrollWidth {found['scrollWidth']} > {found['clientWidth']}): {offenders}"


def _axe(page, site, *, injected=False):
    if not injected:
        page.add_script_tag(url=site + AXE_PATH)
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']}; {v['count']} node(s): " + " | ".join(v["targets"])
        for v in page.evaluate(AXE_RUN, [AXE_TAGS, list(AXE_FAILING)])
    ]


@pytest.mark.parametrize("role", list(pages.ROLES))
def test_every_page_fits_375px_and_passes_axe(role, site, browser, screenshot_dir):
    folder = screenshot_dir / role
    folder.mkdir(parents=True, exist_ok=True)
    failures = []
    page_problems = []  # console and script errors, filled by the page's listeners
    context, page = _context(browser, site, role, page_problems)
    try:
        for number, page_type in enumerate(pages.page_types(role), start=1):
            where = f"[{role}] {page_type.name} ({page_type.url})"
            page_problems.clear()
            page.set_viewport_size(MOBILE)
            response = page.goto(site + page_type.url)
            found = []
            if response.status != page_type.status:
                found.append(f"answered {response.status}, expected {page_type.status}")
            if sideways := _sideways(page):
                found.append(sideways)
            found += [f"at 375 px: {violation}" for violation in _axe(page, site)]
            shot = folder / f"{number:02d}-{page_type.slug}"
            # caret="initial": hiding the caret needs a <style> the CSP refuses.
            page.screenshot(path=f"{shot}-375.png", full_page=True, caret="initial")
            page.set_viewport_size(DESKTOP)
            found += [f"at 1280 px: {violation}" for violation in _axe(page, site, injected=True)]
            page.screenshot(path=f"{shot}-1280.png", full_page=True, caret="initial")
            # The browser logs the 403/404 status itself as a console error: that one is expected.
            found += [p for p in page_problems if not (page_type.status >= 400 and "status of" in p)]
            failures += [f"{where}: {problem}" for problem in found]
    finally:
        context.close()
    assert not failures, f"{len(failures)} problem(s); screenshots in {folder}\n" + "\n".join(failures)


def test_the_checks_catch_what_they_look_for(live_server, settings, browser):
    """The checks can fail: an element wider than the screen is named, an image without a text is reported,
    and a table region that scrolls sideways inside itself does not make the page scroll."""
    settings.DEBUG = False
    context, page = _context(browser, live_server.url, "anonymous", [])
    try:
        page.goto(live_server.url + "/")
        assert _sideways(page) is None and _axe(page, live_server.url) == []
        # Styles set through the CSSOM: the CSP refuses style attributes, not this.
        page.evaluate("""() => {
          const region = document.createElement('div');
          region.className = 'table-wrap';
          region.append(Object.assign(document.createElement('table'), {className: 'wide-table'}));
          region.firstChild.insertRow().insertCell().style.minWidth = '900px';
          document.querySelector('main').append(region);
        }""")
        assert _sideways(page) is None
        page.evaluate("""() => {
          const wide = Object.assign(document.createElement('div'), {id: 'too-wide', textContent: 'wide'});
          wide.style.width = '600px';
          const image = Object.assign(document.createElement('img'), {src: '/static/css/partnera.css'});
          document.querySelector('main').append(wide, image);
        }""")
        sideways = _sideways(page)
        assert sideways and "div#too-wide" in sideways and "600 px wide" in sideways, sideways
        assert any(v.startswith("axe image-alt (critical)") and "img" in v for v in _axe(page, live_server.url))
    finally:
        context.close()
