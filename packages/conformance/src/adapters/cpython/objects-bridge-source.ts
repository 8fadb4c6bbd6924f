/**
 * The Python half of the CPython adapter's objects bridge, run after the
 * struct and view bridges (whose helpers it uses): CPython's own `bytes`,
 * `bytearray` and `array.array` objects, held on the Python side by
 * handle, their members called by name with the contract's value mapping.
 *
 * @packageDocumentation
 */

/** Python source defining `mv_object(request_json) -> answer_json`. */
export const OBJECTS_BRIDGE_SOURCE = `
import array as _array, json, warnings

# array's 'u' is deprecated with a warning on stderr; the contract has no
# warnings (SPEC.md §8, 5), and the answer is the same without it.
warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*'u' type code")

_OBJ_KINDS = {"bytes": bytes, "bytearray": bytearray, "array": _array.array}
_objs = {}        # handle -> bytes, bytearray or array.array
_obj_handle = {}  # id(obj) -> handle (one handle per object, so identity holds)
_obj_buffers = {} # re-export handle -> _PyBuffer

def _obj_ref(o):
    h = _obj_handle.get(id(o))
    if h is None or _objs.get(h) is not o:
        h = next(_handles)
        _objs[h] = o
        _obj_handle[id(o)] = h
    return ["pyobj", h, "array" if isinstance(o, _array.array) else type(o).__name__]

def _item_char(o):
    # The contract's 8-byte items are bigints: an array's q and Q (and l L where 8 bytes wide).
    return o.typecode if isinstance(o, _array.array) else ""

def _obj_value(v, ch):
    if v is None: return ["none"]
    if isinstance(v, (bytearray, _array.array)) or type(v) is bytes: return _obj_ref(v)
    if isinstance(v, memoryview): return _value(v, "", None)
    if isinstance(v, (list, tuple)): return ["list", [_obj_value(x, ch) for x in v]]
    if isinstance(v, int) and not isinstance(v, bool):
        return ["big" if ch and _array.array(ch).itemsize == 8 else "int", str(v)]
    return _encode(v)

def _obj_arg(tag, ch=""):
    kind = tag[0]
    if kind == "pyobj": return _objs[tag[1]]
    if kind == "gen": return (x for x in [_obj_arg(t, ch) for t in tag[1]])
    if kind == "list": return [_obj_arg(t, ch) for t in tag[1]]
    return _arg(tag, ch)

_ITEM_RESULTS = {"pop", "__getitem__", "tolist", "__iter__"}

def _object_call(request):
    op = request["op"]
    if op == "new":
        cls = _OBJ_KINDS[request["kind"]]
        args = [_obj_arg(t) for t in request["args"]]
        if request.get("via") == "fromhex": return _obj_ref(cls.fromhex(*args))
        return _obj_ref(cls(*args))
    if op == "static":
        # array.typecodes is the module's, which the contract puts on its array.
        owner = _array if request["kind"] == "array" and request["name"] == "typecodes" else _OBJ_KINDS[request["kind"]]
        return _obj_value(getattr(owner, request["name"]), "")
    o = _objs[request["handle"]]
    ch = _item_char(o)
    if op == "has": return _encode(hasattr(o, request["name"]))
    if op == "attr":
        if not hasattr(o, request["name"]): return ["none"]  # a missing property reads as undefined
        v = getattr(o, request["name"])
        return ["method"] if callable(v) else _obj_value(v, "")
    if op == "getbuffer":
        pb = _PyBuffer()
        _get_buffer(o, ctypes.byref(pb), request["flags"])
        handle = next(_handles)
        _obj_buffers[handle] = pb
        n = pb.ndim
        arr = lambda p: None if not p else [p[i] for i in range(n)]
        return ["ok", {"handle": handle, "ptr": pb.buf or 0, "len": pb.len, "itemsize": pb.itemsize, "readonly": bool(pb.readonly),
                       "ndim": n, "format": None if pb.format is None else pb.format.decode("utf-8"),
                       "shape": arr(pb.shape), "strides": arr(pb.strides), "suboffsets": arr(pb.suboffsets)}]
    if op == "releasebuffer":
        pb = _obj_buffers.pop(request["reexport"], None)
        if pb is not None: _release(ctypes.byref(pb))
        return ["none"]
    name = request["name"]
    # JavaScript numbers go in as int when integral, else float; CPython's
    # float arrays take ints as they are.
    args = [_obj_arg(t) for t in request["args"]]
    if name == "length": return _encode(len(o))
    if name == "toString": return _encode(repr(o))
    if name == "hash": return _encode(hash(o))
    if name == "equals": return _encode(o == args[0])
    if name == "get": return _obj_value(o[args[0]], ch if not isinstance(args[0], slice) else "")
    if name == "set":
        o[args[0]] = args[1]
        return ["none"]
    if name == "delete":
        del o[args[0]]
        return ["none"]
    if name == "slice": return _obj_value(o[slice(*args)], "")
    if name == "iter": return _obj_value(list(o), ch)
    if name == "tobytes": return _encode(o.tobytes())
    result = getattr(o, name)(*args)
    return _obj_value(result, ch if name in _ITEM_RESULTS else "")

def mv_object(request_json):
    request = json.loads(request_json)
    try:
        answer = {"ok": _object_call(request)}
    except Exception as e:
        answer = {"error": [type(e).__name__, str(e)]}
    return json.dumps(answer)

mv_object
`;
