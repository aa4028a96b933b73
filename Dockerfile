# Partnera: one image for the web app (gunicorn), the Celery worker and Celery beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings

# WeasyPrint (PDF reports) needs Pango; DejaVu renders Armenian, Azerbaijani and Latin Extended
# glyphs. gettext compiles the translations at build time. libmagic1 tells an upload's type from its
# content (python-magic, portal/uploads.py).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext libmagic1 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# requirements.txt is the runtime lock file (scripts/lock): every package pinned with its hashes.
COPY requirements.txt .
RUN pip install --require-hashes -r requirements.txt

COPY . .
RUN if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then python manage.py compilemessages; fi \
    && useradd --create-home --uid 1000 --user-group app \
    && mkdir -p /app/staticfiles /app/media /app/var \
    && chown -R app:app /app/staticfiles /app/media /app/var

USER app
EXPOSE 8000
ENTRYPOINT ["/app/scripts/docker-entrypoint"]
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--worker-tmp-dir", "/dev/shm", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
