"""The whole export: disjoint splits, write -> load round trip, determinism, real-format compatibility."""
from __future__ import annotations

import hashlib
import json
import tempfile
import unittest
from pathlib import Path

from training.atelier_data.fashion_iq import read_fashion_iq
from training.atelier_data.polyvore import read_polyvore
from training.atelier_data.products import load_products
from training.tests.helpers import export_to, exported, world

SPLITS = ("train", "val", "test")


def digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


class ExportTest(unittest.TestCase):
    def test_no_product_shared_between_splits(self) -> None:
        root = exported()
        products = {p.id: p for p in load_products(world())}
        seen: dict = {}
        for split in SPLITS:
            fiq = read_fashion_iq(root / "fashion_iq", split)
            ids = {i for group in fiq.images.values() for i in group}
            ids |= {i for t in fiq.triplets for i in (t.candidate, t.target)}
            ids |= {i for o in read_polyvore(root / "polyvore", split).outfits.values() for i in o}
            families = {products[i].family for i in ids}
            for other, (other_ids, other_fams) in seen.items():
                self.assertFalse(ids & other_ids, (split, other))
                self.assertFalse(families & other_fams, (split, other))
            seen[split] = (ids, families)
        heldout = read_fashion_iq(root / "fashion_iq", "heldout")
        used = {i for t in heldout.triplets for i in (t.candidate, t.target)}
        self.assertTrue(used <= seen["test"][0])

    def test_triplets_stay_in_their_split_gallery(self) -> None:
        for split in SPLITS + ("heldout",):
            fiq = read_fashion_iq(exported() / "fashion_iq", split)
            for t in fiq.triplets:
                self.assertIn(t.candidate, fiq.images[t.group])
                self.assertIn(t.target, fiq.images[t.group])

    def test_round_trip(self) -> None:
        root = exported() / "fashion_iq"
        raw = json.loads((root / "captions" / "cap.top.train.json").read_text())
        loaded = [t for t in read_fashion_iq(root, "train").triplets if t.group == "top"]
        self.assertEqual([t.to_json() for t in loaded], raw)
        outfits = json.loads((exported() / "polyvore" / "train.json").read_text())
        back = read_polyvore(exported() / "polyvore", "train").outfits
        self.assertEqual({o["set_id"]: [it["item_id"] for it in o["items"]] for o in outfits}, back)

    def test_reads_real_format_without_extras(self) -> None:
        """The public files: no "constraints", set_id_index tokens, FITB's right answer found by set id."""
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "captions").mkdir()
            (root / "image_splits").mkdir()
            (root / "captions" / "cap.dress.val.json").write_text(json.dumps(
                [{"target": "B1", "candidate": "B2", "captions": ["is darker", "has long sleeves"]}]))
            (root / "image_splits" / "split.dress.val.json").write_text(json.dumps(["B1", "B2"]))
            fiq = read_fashion_iq(root, "val")
            self.assertEqual(fiq.triplets[0].constraints, [{}, {}])
            (root / "valid.json").write_text(json.dumps([{"set_id": "9", "items": [{"item_id": "a", "index": 1}, {"item_id": "b", "index": 2}]},
                                                          {"set_id": "8", "items": [{"item_id": "c", "index": 1}]}]))
            (root / "fill_in_blank_valid.json").write_text(json.dumps([{"question": ["9_1"], "answers": ["8_1", "9_2"], "blank_position": 2}]))
            (root / "compatibility_valid.txt").write_text("1 9_1 9_2\n0 9_1 8_1\n")
            pv = read_polyvore(root, "valid")
            self.assertEqual(pv.fitb[0].answers[pv.fitb[0].answer_index], "b")
            self.assertEqual(pv.compatibility, [(1, ["a", "b"]), (0, ["a", "c"])])

    def test_a_larger_set_keeps_the_smaller_sets_split(self) -> None:
        """CSA-Net and VAL train on outfits and triplets of a larger world (prepare.py ensure_outfit_sets,
        ensure_refine_sets) and are tested on a smaller one's: no val or test product or family of the smaller set may
        be in the larger set's training outfits or triplets."""
        products = {p.id: p for p in load_products(world())}
        first = len(products) // 2
        small = export_to("small", "--count", str(first))
        large = export_to("large", "--split-world", f"{world()}:{first}")
        counts = json.loads((small / "manifest.json").read_text())["counts"]
        self.assertEqual(sum(counts[s]["products"] for s in SPLITS), first)
        train = {i for o in read_polyvore(large / "polyvore", "train").outfits.values() for i in o}
        train |= {i for t in read_fashion_iq(large / "fashion_iq", "train").triplets for i in (t.candidate, t.target)}
        for split in ("val", "test"):
            held = {i for group in read_fashion_iq(small / "fashion_iq", split).images.values() for i in group}  # the whole split
            self.assertTrue(held)
            self.assertFalse(held & train, split)
            self.assertFalse({products[i].family for i in held} & {products[i].family for i in train}, split)

    def test_same_seed_same_files(self) -> None:
        first, second = digest(exported()), digest(export_to("again"))
        self.assertEqual(first.keys(), second.keys())
        manifest = "manifest.json"  # names the output folder, which differs
        self.assertEqual({k: v for k, v in first.items() if k != manifest}, {k: v for k, v in second.items() if k != manifest})


if __name__ == "__main__":
    unittest.main()
