"""portal.forms.LongSelect draws what Django's Select draws (the same elements, attributes and escaped
text), without a template per option."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from portal.forms import LongSelect

CHOICES = [
    ("", gettext_lazy("All projects")),
    ("a&b", "A & b \"q\" <script>x</script> 'y'"),
    ("c", mark_safe("<b>C</b>")),  # noqa: S308 (a test of how safe labels are kept)
    (3, "three"),
    ("Group", [("g1", "in a group"), ("g2", "<also>")]),
]


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.found.append(("/" + tag,))

    def handle_data(self, data):
        if data.strip():
            self.found.append(data)


def elements(markup):
    parser = _Elements()
    parser.feed(markup)
    return parser.found


@pytest.mark.parametrize("value", ["a&b", "", None, 3, "3", "g2", "unknown"])
def test_it_draws_what_django_s_select_draws(value):
    attrs = {"id": "id_project", "aria-describedby": "help error", "required": True, "disabled": False}
    ours = LongSelect(choices=CHOICES).render("project", value, attrs)
    django_s = forms.Select(choices=CHOICES).render("project", value, attrs)
    assert elements(ours) == elements(django_s)
    assert "<script>" not in ours and "&lt;script&gt;" in ours
    assert "<b>C</b>" in ours  # a safe label stays as it is, as in a template


def test_a_form_field_renders_it_with_its_errors_and_choice():
    class Form(forms.Form):
        project = forms.ChoiceField(choices=CHOICES[:4], widget=LongSelect)

    form = Form({"project": "c"})
    assert form.is_valid()
    assert '<option value="c" selected>' in str(form["project"])
