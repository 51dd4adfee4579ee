"""The UI is Indonesian whatever language the browser asks for: many office PCs run an English
Windows and Chrome, and Django's own texts (field errors, month names) followed their
Accept-Language header until LocaleMiddleware was removed."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_browser_asking_for_english_still_gets_indonesian_field_errors(client):
    response = client.post("/masuk/", {"username": "", "password": ""}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bidang ini tidak boleh kosong." in html and "This field is required." not in html
    assert response.get("Content-Language", "id") == "id"
