/**
 * The Python half of the CPython adapter's memoryview bridge, run once
 * inside Pyodide after the struct bridge (whose `_decode` and `_encode` it
 * uses). Each JavaScript exporter is a Python object whose `__buffer__`
 * (PEP 688) asks the JavaScript exporter for the buffer with CPython's own
 * request flags, copies the bytes its layout spans into a bytearray in
 * Pyodide's memory, and hands CPython a memoryview made by the C API
 * (`PyMemoryView_FromBuffer`, through ctypes) with the exporter's own
 * `buf`, `len`, `itemsize`, `readonly`, `format`, `shape` and `strides`;
 * `__release_buffer__` writes the bytes back and releases the JavaScript
 * export. So the views are CPython's own memoryview objects, over the
 * exporter's layout, with CPython's export counting; the JavaScript
 * memory is copied in before each call and written back after it.
 *
 * @packageDocumentation
 */

/** Python source defining `mv_view(request_json) -> answer_json`. */
export const VIEW_BRIDGE_SOURCE = `
import array as _array, ctypes, json

_SSIZE = ctypes.c_ssize_t

class _PyBuffer(ctypes.Structure):
    # Py_buffer, as Include/pybuffer.h lays it out.
    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.c_void_p), ("len", _SSIZE), ("itemsize", _SSIZE),
                ("readonly", ctypes.c_int), ("ndim", ctypes.c_int), ("format", ctypes.c_char_p),
                ("shape", ctypes.POINTER(_SSIZE)), ("strides", ctypes.POINTER(_SSIZE)),
                ("suboffsets", ctypes.POINTER(_SSIZE)), ("internal", ctypes.c_void_p)]

_from_buffer = ctypes.pythonapi.PyMemoryView_FromBuffer
_from_buffer.argtypes = [ctypes.POINTER(_PyBuffer)]
_from_buffer.restype = ctypes.py_object
_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(_PyBuffer), ctypes.c_int]
_get_buffer.restype = ctypes.c_int
_release = ctypes.pythonapi.PyBuffer_Release
_release.argtypes = [ctypes.POINTER(_PyBuffer)]
_release.restype = None

class _Export:
    """One live JavaScript export, laid out in Pyodide's memory."""
    __slots__ = ("id", "mirror", "anchor", "keep", "base", "writable", "synced")

_exports = {}     # export id -> _Export
_raw_export = {}  # id(raw memoryview) -> export id
_views = {}       # view handle -> [memoryview, export id]
_handle_of = {}   # id(memoryview) -> its handle
_reexports = {}   # re-export handle -> (_PyBuffer, view handle)
_created = []     # export ids created by the current call
_handles = itertools.count(1)

def _ssizes(values):
    if values is None: return None
    return (_SSIZE * max(1, len(values)))(*values)

def _lay_out(desc):
    """A CPython memoryview with the exporter's layout over a copy of its bytes."""
    exp = _Export()
    exp.id = desc["id"]
    exp.mirror = bytearray(bytes.fromhex(desc["hex"])) + bytearray(1)
    exp.anchor = (ctypes.c_char * len(exp.mirror)).from_buffer(exp.mirror)
    exp.base = ctypes.addressof(exp.anchor)
    exp.writable = not desc["readonly"]
    exp.synced = desc["hex"]
    pb = _PyBuffer()
    pb.buf = exp.base + desc["at"]
    pb.len = desc["len"]
    pb.itemsize = desc["itemsize"]
    pb.readonly = 1 if desc["readonly"] else 0
    pb.ndim = desc["ndim"]
    fmt = None if desc["format"] is None else ctypes.create_string_buffer(desc["format"].encode("utf-8"))
    pb.format = None if fmt is None else ctypes.cast(fmt, ctypes.c_char_p)
    shape, strides = _ssizes(desc["shape"]), _ssizes(desc["strides"])
    if shape is not None: pb.shape = shape
    if strides is not None: pb.strides = strides
    raw = _from_buffer(ctypes.byref(pb))
    # The format, shape and strides must outlive the views that point at them.
    exp.keep = (pb, fmt, shape, strides)
    _exports[exp.id] = exp
    _raw_export[id(raw)] = exp.id
    _created.append(exp.id)
    return raw

def _current(exp):
    return bytes(exp.mirror[:-1]).hex()

class _JsExporter:
    """A JavaScript exporter, seen from Python: a buffer through __buffer__."""
    def __buffer__(self, flags):
        answer = json.loads(_js_get_buffer(self._key, flags))
        if "error" in answer:
            raise _python_error(*answer["error"])
        return _lay_out(answer["ok"])
    def __release_buffer__(self, view):
        eid = _raw_export.pop(id(view), None)
        exp = _exports.pop(eid, None)
        if exp is None: return
        now = _current(exp)
        _js_release_buffer(eid, now if exp.writable and now != exp.synced else None)

_exporter_types = {}
_objects = {}     # key -> the Python stand-in of a JavaScript object (one per object, so 'is' holds)

def _js_eq(self, other):
    if isinstance(other, memoryview):
        handle = _handle_of.get(id(other))
        if handle is None: return NotImplemented
        tag = ["view", handle]
    elif isinstance(other, (bytearray, _array.array)) or type(other) is bytes:
        tag = _obj_ref(other)
    else:
        return NotImplemented
    return bool(_js_equals(self._key, json.dumps(tag)))

def _js_object(key, name, exporter, has_equals=False):
    if key in _objects: return _objects[key]
    if exporter:
        if name not in _exporter_types: _exporter_types[name] = type(name, (_JsExporter,), {})
        obj = _exporter_types[name]()
        obj._key = key
    elif has_equals:
        # A JavaScript object with its own equals: Python's reflected ==.
        if (name, "eq") not in _exporter_types:
            _exporter_types[(name, "eq")] = type(name, (), {"__eq__": _js_eq, "__hash__": None})
        obj = _exporter_types[(name, "eq")]()
        obj._key = key
    else:
        obj = _decode(["object", name])
        try: obj._key = key
        except Exception: pass
    _objects[key] = obj
    return obj

def _python_error(name, message):
    cls = {"BufferError": BufferError, "ValueError": ValueError, "TypeError": TypeError, "IndexError": IndexError,
           "NotImplementedError": NotImplementedError, "OverflowError": OverflowError, "MemoryError": MemoryError}.get(name)
    if cls is None:
        cls = type(name, (Exception,), {})
    return cls(message)

def _arg(tag, ch=""):
    kind = tag[0]
    if kind == "view": return _views[tag[1]][0]
    if kind == "pyobj": return _objs[tag[1]]
    if kind == "gen": return (x for x in [_arg(t, ch) for t in tag[1]])
    if kind == "jsobj": return _js_object(tag[1], tag[2], tag[3], len(tag) > 4 and tag[4])
    if kind == "slice": return slice(*[_arg(t) for t in tag[1]])
    if kind == "ellipsis": return Ellipsis
    if kind == "tuple": return tuple(_arg(t, ch) for t in tag[1])
    if kind == "list": return [_arg(t, ch) for t in tag[1]]
    return _decode(tag, ch)

def _char(m):
    fmt = m.format
    return fmt[1:] if fmt[:1] == "@" else fmt

def _value(v, ch, export):
    if v is None: return ["none"]
    if isinstance(v, (bytearray, _array.array)): return _obj_ref(v)
    if isinstance(v, memoryview):
        handle = next(_handles)
        _views[handle] = [v, export]
        _handle_of[id(v)] = handle
        return ["view", handle]
    if isinstance(v, list): return ["list", [_value(x, ch, export) for x in v]]
    if isinstance(v, tuple): return ["list", [_value(x, ch, export) for x in v]]
    return _encode(v, ch if len(ch) == 1 else "")

def _sync_in(sync):
    for eid, hexed in sync.items():
        exp = _exports.get(int(eid))
        if exp is None or len(hexed) != 2 * (len(exp.mirror) - 1): continue
        exp.mirror[:-1] = bytes.fromhex(hexed)
        exp.synced = hexed

def _sync_out(eids):
    out = {}
    for eid in eids:
        exp = _exports.get(eid)
        if exp is None or not exp.writable: continue
        now = _current(exp)
        if now != exp.synced:
            out[str(eid)] = now
            exp.synced = now
    return out

# Live memoryview iterators by handle: CPython's iterator and the view's format character.
_view_iters = {}

def _view_call(request):
    op = request["op"]
    if op == "memoryview":
        target = _arg(request["args"][0])
        parent = _views[request["args"][0][1]][1] if request["args"][0][0] == "view" else None
        m = memoryview(target)
        export = parent if parent is not None else (_created[-1] if _created else None)
        return _value(m, "", export) + [export]
    if op == "getbuffer":
        m, export = _views[request["handle"]]
        pb = _PyBuffer()
        _get_buffer(m, ctypes.byref(pb), request["flags"])
        exp = _exports.get(export)
        handle = next(_handles)
        _reexports[handle] = (pb, request["handle"])
        n = pb.ndim
        arr = lambda p: None if not p else [p[i] for i in range(n)]
        # "at": from the start of the JavaScript export's bytes, or, for a
        # view of a CPython object, the address in Pyodide's memory.
        return ["ok", {"handle": handle, "export": export if exp is not None else None, "at": pb.buf - exp.base if exp is not None else (pb.buf or 0),
                       "len": pb.len, "itemsize": pb.itemsize, "readonly": bool(pb.readonly), "ndim": n,
                       "format": None if pb.format is None else pb.format.decode("utf-8"),
                       "shape": arr(pb.shape), "strides": arr(pb.strides), "suboffsets": arr(pb.suboffsets)}]
    if op == "releasebuffer":
        entry = _reexports.pop(request["reexport"], None)
        if entry is not None: _release(ctypes.byref(entry[0]))
        return ["none"]
    m, export = _views[request["handle"]]
    if op == "attr":
        name = request["name"]
        if name == "obj":
            # CPython's obj of a view of a __buffer__ class is its buffer
            # wrapper; the JavaScript side answers with the exporter itself.
            m.obj
            return ["none"]
        if name == "released":
            # Python has no such attribute; its repr says it.
            return _encode(repr(m).startswith("<released"))
        return _value(getattr(m, name), "", export)
    if op == "len": return _encode(len(m))
    if op == "get":
        ch = _char(m)
        return _value(m[_arg(request["args"][0])], ch, export)
    if op == "set":
        ch = _char(m)
        m[_arg(request["args"][0])] = _arg(request["args"][1], ch)
        return ["none"]
    if op == "eq":
        return _encode(m == _arg(request["args"][0]))
    if op == "hash": return _encode(hash(m))
    if op == "repr": return _encode(repr(m))
    if op == "iter":
        # Lazy, as CPython's: each "next" steps CPython's own iterator, so a
        # release or a change between steps is seen by the next step.
        hid = next(_handles)
        _view_iters[hid] = (iter(m), _char(m))
        return _encode(hid)
    if op == "next":
        it, ch = _view_iters[request["iter"]]
        try:
            item = next(it)
        except StopIteration:
            del _view_iters[request["iter"]]
            return _value([], ch, export)
        return _value([item], ch, export)
    if op == "tolist": return _value(m.tolist(), _char(m), export)
    if op in ("count", "index"):
        ch = _char(m)
        args = [_arg(request["args"][0], ch)] + [_arg(t) for t in request["args"][1:]]
        return _encode(getattr(m, op)(*args))
    args = [_arg(t) for t in request["args"]]
    return _value(getattr(m, op)(*args), "", export)

def mv_view(request_json):
    request = json.loads(request_json)
    del _created[:]
    _sync_in(request.get("sync", {}))
    try:
        answer = {"ok": _view_call(request)}
    except Exception as e:
        answer = {"error": [type(e).__name__, str(e)]}
    answer["written"] = _sync_out(request.get("exports", []))
    return json.dumps(answer)

mv_view
`;
