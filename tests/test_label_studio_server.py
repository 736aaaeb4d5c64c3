"""A real Label Studio: project from claimset's config, tasks in, a person's annotation, export
out, import back. Starts `label-studio` on 127.0.0.1 (about a minute), so it is marked
`integration` and runs with `pytest -m integration`, not in `make test`.

The server is not in the test extras (its pinned Django stack is heavy): put its `label-studio`
command on PATH, or name it in LABEL_STUDIO_BIN.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from claimset.formats.corpus import records_bytes
from claimset.formats.label_studio import Utf16, from_tasks, label_config, to_task
from claimset.models import Actor
from formats_samples import essay_documents, unicode_document

pytestmark = pytest.mark.integration

EMAIL, PASSWORD = "annotator@example.org", "claimset-test-pw"
TOKEN = "0123456789abcdef0123456789abcdef01234567"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _enable_api_tokens(base: str) -> None:
    """Log in as the user and switch on API tokens (new organizations have them off)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/user/login/").read()
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    form = urllib.parse.urlencode(
        {"email": EMAIL, "password": PASSWORD, "csrfmiddlewaretoken": csrf}
    ).encode()
    opener.open(
        urllib.request.Request(f"{base}/user/login/", form, {"Referer": f"{base}/user/login/"})
    ).read()
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    body = json.dumps({"legacy_api_tokens_enabled": True, "api_tokens_enabled": True}).encode()
    headers = {"X-CSRFToken": csrf, "Referer": f"{base}/", "Content-Type": "application/json"}
    opener.open(urllib.request.Request(f"{base}/api/jwt/settings", body, headers)).read()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip(
        "label_studio_sdk", reason="label-studio-sdk is not installed: claimset[label-studio]"
    )
    binary = os.environ.get("LABEL_STUDIO_BIN") or shutil.which("label-studio")
    if not binary:
        pytest.skip("no label-studio server: pip install label-studio, or set LABEL_STUDIO_BIN")
    data = tmp_path_factory.mktemp("label-studio")
    port = _free_port()
    env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=str(data), LATEST_VERSION_CHECK="false")
    log = (data / "server.log").open("wb")
    proc = subprocess.Popen(
        [binary, "start", "--no-browser", "--host", "127.0.0.1", "--internal-host", "127.0.0.1",
         "--port", str(port), "--data-dir", str(data), "--username", EMAIL,
         "--password", PASSWORD, "--user-token", TOKEN],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("label-studio did not start:\n" + (data / "server.log").read_text())
            time.sleep(1)
        _enable_api_tokens(base)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


ACTORS = [
    Actor(id="author", name="The essay's author", kind="author"),
    Actor(id="china", name="China", kind="state"),
    Actor(id="japan", name="Japan", kind="state"),
    Actor(id="south_korea", name="South Korea", kind="state"),
]


def test_round_trip_through_a_real_label_studio(server: str, tmp_path: Path) -> None:
    from label_studio_sdk import LabelStudio

    client = LabelStudio(base_url=server, api_key=TOKEN)
    unicode_doc = unicode_document()
    essay = next(d for _, d in essay_documents() if d.id == "egypt_ethiopia")
    actor_ids = (
        {a.id for a in ACTORS}
        | {c.actor.ref for s in essay.sentences for c in s.claims}
        | {c.expectation.target for s in essay.sentences for c in s.claims if c.expectation.target}
    )
    actors = [
        *ACTORS,
        *(
            Actor(id=i, name=i, kind="other")
            for i in sorted(actor_ids)
            if i not in {a.id for a in ACTORS}
        ),
    ]
    project = client.projects.create(title="claimset round trip", label_config=label_config(actors))
    assert project.id is not None
    tasks = [to_task(unicode_doc)[0], to_task(essay)[0]]
    client.projects.import_tasks(id=project.id, request=tasks)
    stored = {t.data["doc"]: t for t in client.tasks.list(project=project.id)}
    assert set(stored) == {"unicode", "egypt_ethiopia"}

    # A person adds a claim in the todo sentence, with UTF-16 offsets as the editor sends them.
    text = unicode_doc.text
    utf16 = Utf16(text)
    start = text.index("the outcome")
    value = {
        "start": utf16.to_units(start),
        "end": utf16.to_units(start + 11),
        "text": "the outcome",
    }
    mine = tasks[0]["annotations"][0]["result"] + [
        {"id": "n1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {**value, "labels": ["Expectation"]}},
        {"id": "n1", "from_name": "expectation_type", "to_name": "text", "type": "choices",
         "value": {**value, "choices": ["belief"]}},
        {"id": "n1", "from_name": "certainty", "to_name": "text", "type": "choices",
         "value": {**value, "choices": ["certain"]}},
        {"id": "n1", "from_name": "implicit_actor", "to_name": "text", "type": "choices",
         "value": {**value, "choices": ["author"]}},
    ]  # fmt: skip
    task_id = stored["unicode"].id
    assert task_id is not None
    client.annotations.create(id=task_id, result=mine, ground_truth=True)

    chunks = client.projects.exports.download_sync(id=project.id, export_type="JSON")
    exported = json.loads(b"".join(chunks))
    (tmp_path / "export.json").write_text(json.dumps(exported, indent=1), encoding="utf-8")
    docs, problems = from_tasks(exported)
    assert problems == [] or all(
        "not imported: only one annotation" in p.message for p in problems
    ), problems
    by_id = {d.id: d for d in docs}
    # The essay went through untouched: exactly the records it came from.
    assert records_bytes(by_id["egypt_ethiopia"].sentences) == records_bytes(essay.sentences)
    back = by_id["unicode"].sentences
    assert back[:2] == unicode_doc.sentences[:2]
    assert back[2].status == "done" and back[2].annotator
    claim = back[2].claims[0]
    assert (claim.actor.ref, claim.expectation.quote, claim.expectation.type) == (
        "author",
        "the outcome",
        "belief",
    )
    assert back[2].text[claim.expectation.start : claim.expectation.end] == "the outcome"
