#!/usr/bin/python3
# bench/gen-notes.py FILE N OUT.json: N random highlights and notes on FILE,
# as folio --export=json writes them, for folio --import (bench/notes.sh).
import hashlib, json, random, uuid, sys
path = sys.argv[1]; n = int(sys.argv[2])
src = open(path, 'rb').read()
sha = hashlib.sha256(src).hexdigest()
text = src.decode('utf-8')
# byte offsets of char starts
random.seed(3)
doc = str(uuid.uuid4())
items = []
L = len(text)
# map char index -> byte offset lazily
enc_off = []
off = 0
for ch in text:
    enc_off.append(off); off += len(ch.encode())
enc_off.append(off)
for i in range(n):
    a = random.randrange(0, L - 100)
    ln = random.randrange(5, 60)
    exact = text[a:a+ln]
    if '\n' in exact: exact = exact.split('\n')[0] or text[a:a+3]
    ln = len(exact)
    kind = random.choice(['highlighting', 'commenting'])
    items.append({"id": "urn:uuid:" + str(uuid.uuid4()), "type": "Annotation", "motivation": kind,
      "created": "2026-11-01T10:00:%02d.000Z" % (i % 60), "modified": "2026-11-01T10:00:00.000Z",
      "body": {"type": "TextualBody", "value": ("note %d" % i) if kind == 'commenting' else "", "format": "text/markdown"},
      "target": {"source": path, "folio:document": doc, "folio:title": "bench", "state": {"type": "folio:ContentHash", "sha256": sha},
        "selector": [{"type": "TextQuoteSelector", "exact": exact, "prefix": text[max(0,a-32):a], "suffix": text[a+ln:a+ln+32]},
                     {"type": "TextPositionSelector", "start": enc_off[a], "end": enc_off[a+ln], "folio:unit": "byte"}]},
      "folio:section": "", "folio:state": "anchored"})
json.dump({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": items}, open(sys.argv[3], 'w'), ensure_ascii=False)
