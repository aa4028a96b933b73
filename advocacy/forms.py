"""Forms of the advocacy pages. They read and shape input; advocacy.services checks and writes.

Each model form's fields are the ones its service takes (OUTPUT_FIELDS, RECOMMENDATION_FIELDS…), and the
choices offered keep to the output's network; the services check the same again.
"""

from django import forms
from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from advocacy.models import INSTITUTION_KINDS, AdvocacyOutput, Comment, Recommendation, Submission
from advocacy.services import attachments
from advocacy.services.outputs import OUTPUT_FIELDS
from advocacy.services.recommendations import RECOMMENDATION_FIELDS
from advocacy.services.submissions import EVIDENCE, RESPONSE_FIELDS
from members.models import Organisation
from members.permissions import organisation_ids
from network.models import Membership
from portal import uploads
from portal.forms import DateInput, LongSelect
from portal.texts import MultilingualFormMixin
from projects.models import Project, Result
from projects.selectors import network_organisations


class _OutputTexts(MultilingualFormMixin):
    """A row of an output: its texts are in the output's language, with a box per language of the network."""

    def text_network(self):
        return self.output.network

    def record_language(self):
        return self.output.language


def _organisation_label(organisation):
    return f"{organisation} ({organisation.get_kind_display()})"


class OutputForm(MultilingualFormMixin, forms.ModelForm):
    """An output's facts and texts. The project and its expected result are this network's; the authors
    are organisations the network deals with. The body takes simple HTML, cleaned on save."""

    # Declared without rows: the class is built outside any network scope; __init__ fills them in.
    project = forms.ModelChoiceField(label=_("Project"), queryset=None, required=False, widget=LongSelect)
    result = forms.ModelChoiceField(label=_("Expected result"), queryset=None, required=False)

    class Meta:
        model = AdvocacyOutput
        fields = OUTPUT_FIELDS
        widgets = {"authors": forms.CheckboxSelectMultiple}
        help_texts = {
            "body": _(
                "Simple HTML is kept: paragraphs, bold and italics, lists, headings, quotes and links "
                "(https://…). Anything else is taken out when you save."
            ),
            "title": _("Needed to publish it; a draft may go without."),
        }

    def __init__(self, *args, network, **kwargs):
        self.network = network
        if network.languages and not getattr(kwargs.get("instance"), "pk", None):
            kwargs["initial"] = {"language": network.languages[0], **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.filter(network=network).order_by("title")
        self.fields["result"].queryset = Result.objects.filter(network=network).select_related("project")
        self.fields["result"].label_from_instance = lambda result: (
            f"{result.project.acronym or result.project}: {result}"
        )
        self.fields["result"].help_text = _("Optional: the expected result of the project's logframe it delivers.")
        members = Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).values("organisation_id")
        chosen = self.instance.authors.values("pk") if self.instance.pk else Organisation.objects.none()
        self.fields["authors"].queryset = Organisation.objects.filter(Q(pk__in=members) | Q(pk__in=chosen)).order_by(
            "name"
        )

    def text_network(self):
        return self.network

    def _post_clean(self):
        # The service checks the row with the references it resolves itself (advocacy.services.outputs).
        pass


class RecommendationForm(_OutputTexts, forms.ModelForm):
    """A numbered recommendation: its text, rationale and, optionally, which addressed institution it is for."""

    class Meta:
        model = Recommendation
        fields = RECOMMENDATION_FIELDS

    def __init__(self, *args, output, **kwargs):
        self.output = output
        super().__init__(*args, **kwargs)
        field = self.fields["institution"]
        field.queryset = Organisation.objects.filter(
            pk__in=output.addresses.filter(network=output.network).values("organisation_id")
        ).order_by("name")
        field.empty_label = _("None in particular")
        field.help_text = _("One of the institutions the output is addressed to.")

    def _post_clean(self):
        pass


class CommentForm(forms.ModelForm):
    """A comment while the output is in review, in the name of one of the user's organisations."""

    organisation = forms.ModelChoiceField(label=_("In the name of"), queryset=None, empty_label=None)

    class Meta:
        model = Comment
        fields = ("organisation", "text")

    def __init__(self, *args, output, user, **kwargs):
        self.output = output
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(network=output.network, status=Membership.Status.ACTIVE)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=organisation_ids(user), memberships__in=members
        ).distinct()
        text = self.fields["text"]
        text.set_languages([], output.language)

    def _post_clean(self):
        pass


class AddressForm(forms.Form):
    """The institution to address: every ministry, agency and local government on Partnera, and the
    organisations this network deals with (the service refuses one that is not an institution, saying so)."""

    institution = forms.ModelChoiceField(
        label=_("Institution"), queryset=None, widget=LongSelect,
        error_messages={"required": _("Choose the institution to address.")},
    )  # fmt: skip

    def __init__(self, *args, output, **kwargs):
        super().__init__(*args, **kwargs)
        addressed = output.addresses.filter(network=output.network).values("organisation_id")
        field = self.fields["institution"]
        field.queryset = (
            Organisation.objects.filter(
                Q(kind__in=INSTITUTION_KINDS) | Q(pk__in=network_organisations(network=output.network))
            )
            .exclude(pk__in=addressed)
            .annotate(rank=Case(When(kind__in=INSTITUTION_KINDS, then=Value(0)), default=Value(1),
                                output_field=IntegerField()))
            .order_by("rank", "name")
        )  # fmt: skip
        field.label_from_instance = _organisation_label


def _evidence_help():
    return _("The letter, the minutes, the law as adopted: PDF, office documents or an image, up to %(size)s.") % {
        "size": filesizeformat(settings.UPLOAD_ENTRY_FILE_MAX_BYTES)
    }


class _EvidenceMixin:
    """The evidence document: checked by the service (portal.uploads.accept_file), not here. The link is
    checked by the service too (http or https only)."""

    def _evidence_field(self):
        field = forms.FileField(label=_("Evidence (document)"), required=False, help_text=_evidence_help())
        field.widget.attrs["accept"] = ",".join(uploads.accepted_hint(EVIDENCE))
        return field


class SubmissionForm(_EvidenceMixin, _OutputTexts, forms.ModelForm):
    """The output, or one recommendation of it, put to an institution; the response may come with it."""

    # Declared without rows: the class is built outside any network scope; __init__ fills them in.
    recommendation = forms.ModelChoiceField(label=_("Recommendation"), queryset=None, required=False)
    follows_up = forms.ModelChoiceField(label=_("Follows up"), queryset=None, required=False)
    evidence_url = forms.URLField(label=_("Evidence (link)"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Submission
        fields = (
            "recommendation", "institution", "submitted_on", "channel", "response_due", "follows_up",
            "outcome", "responded_on", "response_text", "evidence_url",
        )  # fmt: skip
        widgets = {"submitted_on": DateInput(), "response_due": DateInput(), "responded_on": DateInput()}

    def __init__(self, *args, output, **kwargs):
        self.output = output
        super().__init__(*args, **kwargs)
        network = output.network
        recommendation = self.fields["recommendation"]
        recommendation.queryset = Recommendation.objects.filter(network=network, output=output).order_by("position")
        recommendation.label_from_instance = lambda r: f"{r.position}. {str(r.text)[:120]}"
        recommendation.empty_label = _("The whole output")
        institution = self.fields["institution"]
        institution.queryset = Organisation.objects.filter(
            Q(kind__in=INSTITUTION_KINDS) | Q(pk__in=output.addresses.filter(network=network).values("organisation_id"))
        ).order_by("name")
        institution.widget = LongSelect(choices=institution.choices)
        institution.label_from_instance = _organisation_label
        follows = self.fields["follows_up"]
        follows.queryset = Submission.objects.filter(network=network, output=output).select_related("institution")
        follows.label_from_instance = lambda s: f"{s.submitted_on.isoformat()} · {s.institution}"
        self.fields["outcome"].help_text = _("Leave empty while the institution has not answered.")
        self.fields["evidence_file"] = self._evidence_field()

    def _post_clean(self):
        pass


class ResponseForm(_EvidenceMixin, _OutputTexts, forms.ModelForm):
    """The institution's answer to a submission."""

    evidence_url = forms.URLField(label=_("Evidence (link)"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Submission
        fields = RESPONSE_FIELDS
        widgets = {"responded_on": DateInput(), "response_due": DateInput()}

    def __init__(self, *args, output, **kwargs):
        self.output = output
        super().__init__(*args, **kwargs)
        self.fields["evidence_file"] = self._evidence_field()

    def _post_clean(self):
        pass


class CoverForm(forms.Form):
    cover = forms.FileField(label=_("Cover image"), help_text=_("A PNG, JPEG or WebP picture."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cover"].widget.attrs["accept"] = ",".join(uploads.accepted_hint(attachments.COVER))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "The study in full, its annexes, a presentation: PDF, Word, Excel, PowerPoint, OpenDocument, CSV or "
            "text files, or images; each up to %(size)s."
        ) % {"size": filesizeformat(settings.UPLOAD_ENTRY_FILE_MAX_BYTES)}
        self.fields["file"].widget.attrs["accept"] = ",".join(uploads.accepted_hint(attachments.ATTACHMENT))
