"""One way to page a list: `paginate(request, rows, per_page)` for every list that grows with a network.

A page number that is not a number shows the first page, one past the end the last (Paginator.get_page),
so a stale or hand-typed link never answers 500. `page_query` is the request's query string without
`page`, for templates/includes/pagination.html: the links to the next and previous pages keep the
search and the filters.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator


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


def paginate(request, rows, per_page):
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return Paged(page=page, page_query=query.urlencode())
