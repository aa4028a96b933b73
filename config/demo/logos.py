"""Demo logos, drawn when the demo loads (nothing binary in the repository): the network's acronym in white
on its colour, a rounded square. The same acronym and colour give the same picture; the loader uploads it
through network_update, so it passes the same checks as a coordinator's file (portal/uploads.py)."""

import io

from PIL import Image, ImageDraw, ImageFont

SIZE = 256
# The networks that get one: PEP (the network of config/demo/pages.py's page types, so the browser checks
# see a band with a logo) and ALLIANCE. The others keep the band without, as a new network has it.
NETWORKS = ("pep", "alliance")


def acronym_logo(acronym, colour):
    """PNG bytes: `acronym` (its first eight characters) centred in white on `colour`."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=SIZE // 6, fill=colour)
    text = acronym[:8]
    size = SIZE // 2 if len(text) <= 3 else int(SIZE * 1.4 / max(len(text), 1))
    font = ImageFont.load_default(size=size)
    draw.text((SIZE / 2, SIZE / 2), text, font=font, fill="white", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
