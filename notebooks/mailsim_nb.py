"""Small shared code of the teaching notebooks: run the mailsim command and read what it writes.

The notebooks call the command line exactly as a reader would (``./mailsim run ... --format json``), so what they
show is what the tool prints. Everything a notebook writes (scenario files, sweep state, charts) goes into a
temporary folder, never into the repository.

Environment variables:
  MAILSIM_JAR     run ``java -jar $MAILSIM_JAR`` instead of the repository's ``./mailsim`` launcher (CI points it
                  at the jar that ``mvn -B verify`` built, so the notebooks test that very build)
  MAILSIM_NB_TMP  parent folder of the notebooks' temporary folders (default: the system's temp folder)
"""
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

# The notebooks run with their own folder as the working directory (Jupyter's default).
REPO = Path(__file__).resolve().parent.parent
FIT_DATA = REPO / "sim-core" / "src" / "test" / "resources" / "org" / "mailsim" / "fit"

def command():
    """The argument list that starts mailsim."""
    jar = os.environ.get("MAILSIM_JAR")
    if jar:
        return ["java", "-Xss8m", "-jar", jar]
    return [str(REPO / "mailsim")]


def mailsim(*args):
    """Runs mailsim with the given arguments and returns its standard output; raises with its message on failure."""
    proc = subprocess.run(command() + [str(a) for a in args], cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"mailsim {' '.join(map(str, args))} exited {proc.returncode}:\n"
                           f"{proc.stdout}{proc.stderr}")
    return proc.stdout


def workdir(prefix):
    """A fresh temporary folder for one notebook's files."""
    parent = os.environ.get("MAILSIM_NB_TMP")
    if parent:
        Path(parent).mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"mailsim-{prefix}-", dir=parent))


def write_scenario(folder, name, text):
    """Writes a scenario file and returns its path (checked by ``mailsim validate`` so mistakes show at once)."""
    path = Path(folder) / f"{name}.yaml"
    path.write_text(text)
    mailsim("validate", path)
    return path


def run(scenario, sets=(), replications=None, seed=None):
    """``mailsim run SCENARIO --format json --no-report``: the summary document as a dict.

    ``sets`` is a list of ``key=value`` overrides (``--set``); values are read as YAML by mailsim.
    """
    args = ["run", scenario, "--format", "json", "--no-report", "--quiet"]
    for s in sets:
        args.append(f"--set={s}")
    if replications is not None:
        args += ["--replications", replications]
    if seed is not None:
        args += ["--seed", seed]
    return json.loads(mailsim(*args))


def replay(name, out=None, replications=None):
    """``mailsim replay NAME --format json``: the replay document (``reported`` milestones, one entry per variant in
    ``variants``, the outage as it happened first) as a dict.

    The postmortem report goes to ``out`` (default: a fresh temporary folder, never the repository's reports/).
    ``replications`` overrides every variant's count (default: the scenario files' own).
    """
    if out is None:
        out = workdir(f"replay-{name}") / "report"
    args = ["replay", name, "--out", out, "--format", "json", "--quiet"]
    if replications is not None:
        args += ["--replications", replications]
    return json.loads(mailsim(*args))


def read_sweep(path):
    """``sweep.csv`` of ``mailsim sweep`` as a table with bare column names, and its units.

    The file's headers carry their units, ``totalCost.mean [USD]``, ``probabilityOfDataLoss.estimate [fraction]``
    (docs/json-contract.md); the table's columns are the names without them (``totalCost.mean``), and ``units`` maps
    each such name to its unit (``{"totalCost.mean": "USD", ...}``; the id, swept keys and flags have none).
    """
    table = pd.read_csv(path)
    units = {}
    names = []
    for column in table.columns:
        name, bracket, unit = column.partition(" [")
        if bracket:
            units[name] = unit.rstrip("]")
        names.append(name)
    table.columns = names
    return table, units


def milestones(replay_doc, variant=0):
    """Reported milestones beside the simulated ones for one variant of a replay (default: the outage as it
    happened): reported and simulated hours (the mean over the replications with an incident), the simulated min and
    max when the milestone is compared with a metric, the difference, what it is compared with, and the source."""
    v = replay_doc["variants"][variant]
    rows = []
    for rep, m in zip(replay_doc["reported"], v["milestones"]):
        by = rep["simulatedBy"]
        spread = v.get(by) if by in ("hoursToRestoreService", "hoursToFullRecovery") else None
        rows.append({"milestone": m["milestone"], "reported (h)": m["reportedHours"],
                     "simulated (h)": m["simulatedHours"],
                     "simulated min (h)": spread["min"] if spread else None,
                     "simulated max (h)": spread["max"] if spread else None,
                     "difference (h)": m["differenceHours"],
                     "compared with": (f"end of phase '{by}'" if spread is None and by else by) or "reported only",
                     "source": rep["source"]})
    return pd.DataFrame(rows).set_index("milestone")


def fit(data_file, *options):
    """``mailsim fit FILE --format json``: the fit as a dict."""
    return json.loads(mailsim("fit", data_file, "--format", "json", *options))


def metrics(result):
    """The metrics of one run as a table: one row per metric (the contract's eleven first, then any newer ones such
    as mailsFailedToSend, in the JSON's order), columns mean, ci95Low, ci95High, p50, p95, p99, max."""
    cols = ["mean", "ci95Low", "ci95High", "p50", "p95", "p99", "max"]
    return pd.DataFrame({m: {c: v[c] for c in cols} for m, v in result["metrics"].items()}).T


def phases(result, replication=0):
    """Phases of the incidents of one replication: incident, phase, start and end (hours from the start)."""
    rows = []
    for i, inc in enumerate(x for x in result["incidents"] if x["replication"] == replication):
        for p in inc["phases"]:
            rows.append({"incident": i, "storageGroup": inc["storageGroup"], "phase": p["name"],
                         "start": p["startHours"], "end": p["endHours"]})
    return pd.DataFrame(rows, columns=["incident", "storageGroup", "phase", "start", "end"])
