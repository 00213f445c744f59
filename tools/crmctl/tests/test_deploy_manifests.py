"""deploy/: every Kubernetes overlay renders with the pinned kubectl's kustomize and every object passes
strict schema validation for each Kubernetes version we support; the compose file passes the Compose
specification's schema; the Dockerfile keeps its promises (issue 11)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from crmctl import deploy_secrets
from crmctl.protos import ROOT

DEPLOY = ROOT / "deploy"
OVERLAYS = ["dev", "prod"]
# The oldest and newest Kubernetes minor versions we support (docs/operations.md).
KUBERNETES_VERSIONS = ["1.33.0", "1.35.0", "1.37.0"]
PROCESSES = ["gateway", "accounts", "leads", "integration"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list[dict]]:
    """overlay -> its objects, built from a copy of deploy/k8s with freshly generated secret files."""
    copy = tmp_path_factory.mktemp("k8s") / "k8s"
    shutil.copytree(DEPLOY / "k8s", copy, ignore=shutil.ignore_patterns("secrets"))
    kubectl = Path(sys.executable).parent / "kubectl"
    out = {}
    for overlay in OVERLAYS:
        deploy_secrets.write(copy / "overlays" / overlay / "secrets")
        built = subprocess.run([str(kubectl), "kustomize", str(copy / "overlays" / overlay)],
                               capture_output=True, text=True)
        assert built.returncode == 0, built.stderr
        out[overlay] = [doc for doc in yaml.safe_load_all(built.stdout) if doc]
    return out


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_rendered_object_passes_strict_validation(rendered, overlay, version):
    for obj in rendered[overlay]:
        try:
            kubernetes_validate.validate(obj, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{overlay}: {obj['kind']}/{obj['metadata']['name']} invalid for {version}: {exc.message}")


def _by_kind(objects: list[dict], kind: str) -> dict[str, dict]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_process_has_probes_limits_autoscaling_a_budget_and_a_migration_job(rendered, overlay):
    objects = rendered[overlay]
    deployments, hpas = _by_kind(objects, "Deployment"), _by_kind(objects, "HorizontalPodAutoscaler")
    budgets, jobs = _by_kind(objects, "PodDisruptionBudget"), _by_kind(objects, "Job")
    for process in PROCESSES:
        name = f"crm-{process}"
        pod = deployments[name]["spec"]["template"]["spec"]
        [container] = pod["containers"]
        probe = "httpGet" if process == "gateway" else "grpc"
        assert all(probe in container[p] for p in ("readinessProbe", "livenessProbe", "startupProbe"))
        assert {"requests", "limits"} <= set(container["resources"])
        assert pod["securityContext"]["runAsNonRoot"] and pod["terminationGracePeriodSeconds"] >= 25
        assert hpas[name]["spec"]["scaleTargetRef"]["name"] == name and name in budgets
        assert jobs[f"{name}-migrate"]["spec"]["template"]["spec"]["containers"][0]["args"] == ["migrate"]
        secrets_used = [e["valueFrom"]["secretKeyRef"]["name"] for e in container["env"] if "valueFrom" in e]
        assert secrets_used and all(s.startswith("crm-secrets-") for s in secrets_used)  # the generator's hash


def test_prod_runs_three_jetstream_servers_and_scrapes_every_process(rendered):
    objects = rendered["prod"]
    assert _by_kind(objects, "StatefulSet")["nats"]["spec"]["replicas"] == 3
    assert "nats stream edit" in json.dumps(_by_kind(objects, "Job")["nats-streams"])
    nats_conf = next(o for o in objects if o["kind"] == "ConfigMap" and o["metadata"]["name"].startswith("nats-config"))
    assert "sync_interval: always" in nats_conf["data"]["nats.conf"] and "routes" in nats_conf["data"]["nats.conf"]
    for process in PROCESSES:
        deployment = _by_kind(objects, "Deployment")[f"crm-{process}"]
        assert deployment["spec"]["template"]["metadata"]["annotations"]["prometheus.io/scrape"] == "true"


def test_secret_folders_are_never_committed():
    for path in ("deploy/secrets/jwt_secret", "deploy/k8s/overlays/prod/secrets/jwt_secret"):
        assert subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0, path


def test_compose_file_passes_the_compose_specification():
    schema = json.loads(files("check_jsonschema").joinpath("builtin_schemas/vendor/compose-spec.json").read_text())
    document = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    jsonschema.validate(document, schema)
    services = document["services"]
    assert {"postgres", "nats", "redis", "otel-collector", *PROCESSES} <= set(services)
    for process in PROCESSES:
        gated = services[process]["depends_on"]
        assert gated[f"{process}-migrate"]["condition"] == "service_completed_successfully"
        assert gated["postgres"]["condition"] == "service_healthy"
        assert all(name.startswith(f"CRM_{process.upper()}_") for name in services[process]["environment"])


def test_dockerfile_is_parametrised_non_root_and_health_checked():
    text = (DEPLOY / "Dockerfile").read_text()
    assert "ARG BASE_IMAGE" in text and "ARG SERVICE" in text
    assert "USER 10001" in text and "HEALTHCHECK" in text
    assert "pytest" not in text and "requirements.lock" in text  # the lock constrains, the package picks
