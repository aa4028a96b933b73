"""One way to page a list: `paginate(request, rows, per_page)` for every list that grows with a network.

A page number that is not a number shows the first page, one past the end the last (Paginator.get_page),
so a stale or hand-typed link never answers 500. `page_query` is the request's query string without
`page`, for templates/includes/pagination.html: the links to the next and previous pages keep the
search and the filters.

`count_cap` (the activity log, 100,000 entries in a network) counts at most that many rows: counting a
whole broad filter cost more than the page itself. A list with more pages up to the cap and says it
holds more (`page.paginator.capped`, "More than 1,000 entries"); past the cap a page number shows the
last page, as past the end of any list, and the filters narrow it down.
"""

from dataclasses import dataclass

from django.core import paginator
from django.core.paginator import Page
from django.utils.functional import cached_property


class Paginator(paginator.Paginator):
    """Django's, counting at most `cap` rows when given one (`capped`: there are more)."""

    def __init__(self, object_list, per_page, *, cap=None):
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def _counted(self):
        if self.cap is None:
            return paginator.Paginator.count.func(self)  # Django's own count
        rows = self.object_list
        if hasattr(rows, "order_by"):  # a queryset: COUNT(*) over a LIMIT subquery, in any order
            return rows.order_by()[: self.cap + 1].count()
        return len(rows[: self.cap + 1])

    @cached_property
    def count(self):
        return self._counted if self.cap is None else min(self._counted, self.cap)

    @property
    def capped(self):
        """More rows than the cap (the count and the pages stop at it)."""
        return self.cap is not None and self._counted > self.cap


@dataclass
class Paged:
    page: Page
    page_query: str

    @property
    def rows(self):
        return self.page.object_list

    def context(self, name):
        """The template context: `page`, `page_query`, and the rows under `name`."""
        return {"page": self.page, "page_query": self.page_query, name: self.page.object_list}


def paginate(request, rows, per_page, *, count_cap=None):
    page = Paginator(rows, per_page, cap=count_cap).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return Paged(page=page, page_query=query.urlencode())
