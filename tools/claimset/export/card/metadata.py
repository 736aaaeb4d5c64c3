"""The card's YAML front matter: Hub fields, the `configs` block and `dataset_info`."""

from __future__ import annotations

from typing import Any

from ...about import read_about
from ...features import CONFIGS, features
from ...project import Project
from ..paths import data_path
from .annotators import Annotators
from .inputs import CardData
from .licensing import licensing

_SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
)


def project_name(project: Project) -> str:
    """The project's name: claimset.toml's, else the README's first heading, else the folder's."""
    about = read_about(project.root)
    if about.name:
        return about.name
    readme = project.root / "README.md"
    if readme.is_file():
        for line in readme.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("# ") and line[2:].strip():
                return line[2:].strip()
    return project.root.name


def size_category(n: int) -> str:
    """The Hub's size category of n rows."""
    for limit, name in _SIZE_CATEGORIES:
        if n < limit:
            return name
    return "n>100M"


def metadata(project: Project, data: CardData, who: Annotators) -> dict[str, Any]:
    """The card's YAML metadata: Hub fields, the `configs` block and `dataset_info`."""
    languages = sorted({str(d.get("language") or "en") for d in data.documents}) or ["en"]
    configs = []
    infos = []
    present = [c for c in CONFIGS if data.rows.get(c)]
    for config in present:
        splits = data.rows[config]
        entry: dict[str, Any] = {
            "config_name": config,
            "data_files": [{"split": s, "path": data_path(config, s)} for s in splits],
        }
        if config == "sentences":
            entry["default"] = True
        configs.append(entry)
        infos.append(
            {
                "config_name": config,
                "features": features(config)._to_yaml_list(),
                "splits": [
                    {
                        "name": s,
                        "num_bytes": data.num_bytes[config][s],
                        "num_examples": n,
                    }
                    for s, n in splits.items()
                ],
                "download_size": sum(data.file_sizes[data_path(config, s)] for s in splits),
                "dataset_size": sum(data.num_bytes[config].values()),
            }
        )
    rights = licensing(data.documents)
    licence: dict[str, Any] = {"license": rights.license}
    if rights.license_name:
        licence.update(license_name=rights.license_name, license_link=rights.license_link)
    return {
        "pretty_name": project_name(project),
        **licence,
        "language": languages,
        "multilinguality": "monolingual" if len(languages) == 1 else "multilingual",
        "task_categories": ["token-classification", "text-classification"],
        "tags": [
            "claims",
            "argument-mining",
            "expectations",
            "hedging",
            "factuality",
            "evidence",
            "span-extraction",
            "claimset",
        ],
        "annotations_creators": who.creators(data.include_drafts),
        "source_datasets": ["original"],
        "size_categories": [size_category(data.stats.get("sentences", 0))],
        "configs": configs,
        "dataset_info": infos,
    }
