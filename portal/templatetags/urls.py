"""`{% url %}` as Django's, with each address remembered: a list of a few hundred rows reverses the same few
patterns with a few hundred ids, and each reverse() costs ~30 µs (it tries every candidate pattern and checks
the result against its regex) where a lookup costs ~2 µs.

A builtin (portal/settings.py TEMPLATES), so it replaces Django's tag everywhere, with the same syntax and
the same answers: the address depends only on the URL configuration (its resolver, a new one after
`clear_url_caches()`, which override_settings(ROOT_URLCONF=…) triggers), the script prefix, the language,
the current app and the arguments. Only arguments that are strings and integers (not booleans) are remembered; any
other value (a model instance, whose str() may change) is reversed each time, as is a name that does not
reverse (NoReverseMatch is raised, or `as var` left empty, exactly as Django does).
"""

from functools import lru_cache

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=20_000)
def _remembered(resolver, prefix, language, view_name, args, kwargs, current_app):
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


def cached_reverse(view_name, *, args=(), kwargs=None, current_app=None):
    """reverse(), remembered for plain arguments (see the module's docstring)."""
    kwargs = kwargs or {}
    values = (*args, *kwargs.values())
    if not isinstance(view_name, str) or not all(isinstance(value, str) or type(value) is int for value in values):
        return reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
    return _remembered(
        get_resolver(get_urlconf()),
        get_script_prefix(),
        get_language(),
        view_name,
        tuple(args),
        tuple(sorted(kwargs.items())),
        current_app,
    )


class CachedURLNode(defaulttags.URLNode):
    def render(self, context):
        # Django's URLNode.render, with cached_reverse for reverse.
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = cached_reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        if context.autoescape:
            url = conditional_escape(url)
        return url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
