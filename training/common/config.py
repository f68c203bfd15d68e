"""Dataclass configurations overridable from the command line, and reproducible seeding."""
from __future__ import annotations

import argparse
import dataclasses
import random
from typing import Optional, Sequence, Type, TypeVar

import numpy as np
import torch

C = TypeVar("C")


def parse_config(cls: Type[C], argv: Optional[Sequence[str]] = None, description: str = "") -> C:
    """Every dataclass field becomes a --flag with its default; a field's metadata `help` is its help text."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    for f in dataclasses.fields(cls):
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
        flag = "--" + f.name.replace("_", "-")
        help_text = f.metadata.get("help", "")
        if isinstance(default, bool):
            parser.add_argument(flag, dest=f.name, default=default, action=argparse.BooleanOptionalAction, help=help_text)
        else:
            parser.add_argument(flag, dest=f.name, default=default, type=type(default) if default is not None else str, help=help_text)
    return cls(**vars(parser.parse_args(argv)))


def seed_everything(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


def set_threads(threads: int) -> None:
    """0 keeps torch's default (all cores)."""
    if threads > 0:
        torch.set_num_threads(threads)
