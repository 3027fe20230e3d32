# Prints what opentimelineio reads from an .otio file, as JSON (test_otio).
import json, sys
import opentimelineio as otio
tl = otio.adapters.read_from_file(sys.argv[1])
def rt(t): return [t.value, t.rate]
def tr(r): return None if r is None else rt(r.start_time) + rt(r.duration)
out = {"name": tl.name, "duration": rt(tl.duration()), "tracks": []}
for track in tl.tracks:
    items = []
    for it in track:
        d = {"schema": it.schema_name(), "name": it.name, "source_range": tr(it.source_range),
             "range_in_parent": tr(it.range_in_parent()),
             "markers": [[m.name, m.color] + tr(m.marked_range) for m in it.markers]}
        if isinstance(it, otio.schema.Clip):
            d["target_url"] = it.media_reference.target_url
            d["available_range"] = tr(it.media_reference.available_range)
            d["takes"] = len(it.metadata.get("retake", {}).get("takes", []))
        items.append(d)
    out["tracks"].append({"kind": track.kind, "name": track.name, "items": items})
print(json.dumps(out))
