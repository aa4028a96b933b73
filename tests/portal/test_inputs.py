"""portal.inputs: a service's declared fields, and the error for anything else."""

import pytest

from portal.inputs import UnknownInput, accept


def test_known_fields_pass_through_as_a_new_dict():
    data = {"title": "T", "summary": "S"}
    accepted = accept(data, ("title", "summary", "slug"), what="project_create")
    assert accepted == data and accepted is not data


def test_an_unknown_key_is_refused_by_name():
    with pytest.raises(UnknownInput, match=r"project_create does not accept 'titel'; it takes title, summary"):
        accept({"titel": "T"}, ("title", "summary"), what="project_create")


def test_unknown_input_is_a_type_error_so_callers_treat_it_as_a_bug_not_bad_user_input():
    assert issubclass(UnknownInput, TypeError)
