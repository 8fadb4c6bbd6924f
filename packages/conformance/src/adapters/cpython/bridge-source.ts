/**
 * The Python half of the CPython adapter, run once inside Pyodide. It takes
 * each call as JSON (the JavaScript values tagged with the Python type they
 * stand for), calls CPython's own `struct`, and answers in JSON: the values
 * tagged with their Python type, or the exception's type name and message.
 * JSON keeps both directions exact and free of Pyodide's own conversions
 * (which turn `null` into `JsNull` and typed arrays into proxies).
 *
 * @packageDocumentation
 */

/** Python source defining `mv_call(request_json) -> answer_json`. */
export const BRIDGE_SOURCE = String.raw`
import itertools, json, re, struct

# The character of each value a format packs or unpacks, in order, so that
# each integer comes back as the contract's number or bigint. Only used on
# formats struct has already accepted.
_TOKEN = re.compile(r"(\d*)([xcbB?hHiIlLqQnNefdFDspP])")

def _value_chars(fmt):
    chars = []
    for count, ch in _TOKEN.findall(fmt.lstrip("@=<>!")):
        if ch == "x":
            continue
        chars.extend([ch] if ch in "sp" else [ch] * (int(count) if count else 1))
    return chars

class _JsObject:
    """A JavaScript object with no Python counterpart; Python names its type 'object'."""
_JsObject.__name__ = _JsObject.__qualname__ = "object"
_js_types = {}

def _float(text):
    return float(text)

def _decode(tag, ch=""):
    kind = tag[0]
    if kind == "num":
        # A JavaScript number: a float where the field is one (the contract's
        # 'e f d' are numbers), else an int when integral, else a float.
        if ch in "efdFD" and ch: return float(tag[1])
        return int(tag[1]) if tag[2] else float(tag[1])
    if kind == "function": return lambda: None
    if kind == "pyobj": return _objs[tag[1]]  # a CPython object of the objects bridge
    if kind == "int": return int(tag[1])
    if kind == "float": return _float(tag[1])
    if kind == "bool": return bool(tag[1])
    if kind == "none": return None
    if kind == "str": return tag[1]
    if kind in ("bytes", "bytearray"):
        base = bytes if kind == "bytes" else bytearray
        # Another exporter than a Uint8Array keeps its JavaScript type name
        # ('Int16Array', 'DataView'…) on a bytes-like subclass.
        name = tag[2] if len(tag) > 2 else kind
        if name != kind:
            key = (name, kind)
            if key not in _js_types: _js_types[key] = type(name, (base,), {})
            base = _js_types[key]
        return base(bytes.fromhex(tag[1]))
    if kind == "set": return set(range(tag[1] if len(tag) > 1 else 0))
    if kind == "list": return [_decode(t) for t in tag[1]]
    if kind == "dict": return dict.fromkeys(range(tag[1] if len(tag) > 1 else 0))
    if kind == "complex": return complex(_float(tag[1]), _float(tag[2]))
    if kind == "object":
        # Python names the type of the JavaScript object as the contract
        # does: its constructor's name ('Point', 'Date', 'symbol'…).
        name = tag[1] if len(tag) > 1 else "object"
        if name == "object": return _JsObject()
        if name not in _js_types: _js_types[name] = type(name, (), {})
        return _js_types[name]()
    raise ValueError("bridge: unknown tag %r" % (kind,))

# 8-byte integers are bigints in the contract: q and Q, and native l L n N P
# where the platform has them 8 bytes wide (not on wasm32, whose are 4).
_WIDE = "".join(ch for ch in "qQlLnNP" if struct.calcsize(ch) == 8)

def _encode_values(fmt, values):
    return ["list", [_encode(v, ch) for v, ch in zip(values, _value_chars(fmt))]]

def _encode(value, ch=""):
    if isinstance(value, bool): return ["bool", value]
    if isinstance(value, int): return ["big" if ch in _WIDE and ch else "int", str(value)]
    if isinstance(value, float): return ["float", repr(value)]
    if isinstance(value, str): return ["str", value]
    if isinstance(value, complex): return ["complex", repr(value.real), repr(value.imag)]
    if isinstance(value, (bytes, bytearray)): return ["bytes", bytes(value).hex()]
    if isinstance(value, (tuple, list)): return ["list", [_encode(v) for v in value]]
    raise TypeError("bridge: cannot encode %s" % type(value).__name__)

_structs = {}
_written = [None]
# Live iter_unpack iterators by handle: the iterator, its format, and the
# bytearray it reads (refreshed from the JavaScript memory at each step).
_iters = {}
_iter_handles = itertools.count()

def _call(request):
    op = request["op"]
    tags = request["args"]
    args = [_decode(a) for a in tags]
    # Values to pack are decoded by the field each goes into.
    values_from = {"pack": 1, "pack_into": 3}.get(op)
    if values_from is not None:
        if "handle" in request:
            values_from -= 1
            fmt = _structs[request["handle"]].format
        else:
            fmt = args[0] if args and isinstance(args[0], (str, bytes)) else ""
        if isinstance(fmt, bytes):
            fmt = fmt.decode("latin-1")
        try:
            chars = _value_chars(fmt)
        except Exception:
            chars = []
        for i in range(values_from, len(tags)):
            k = i - values_from
            args[i] = _decode(tags[i], chars[k] if k < len(chars) else "")
    if op == "Struct":
        s = struct.Struct(*args)
        handle = len(_structs)
        _structs[handle] = s
        return ["list", [["int", str(handle)], ["str", s.format], ["int", str(s.size)]]]
    if op == "next":
        it, fmt, mirror = _iters[request["handle"]]
        # The memory as it is now: CPython's iterator reads live memory, and
        # a change of length under its export is refused (BufferError).
        if mirror is not None: mirror[:] = args[0]
        try:
            values = next(it)
        except StopIteration:
            del _iters[request["handle"]]
            return ["none"]
        return _encode_values(fmt, values)
    if op == "close":
        _iters.pop(request["handle"], None)
        return ["none"]
    target = _structs[request["handle"]] if "handle" in request else struct
    if op == "pack_into":
        # args[0] (or args[1] at module level) is the writable copy of the
        # caller's buffer; its bytes go back to JavaScript, also when packing
        # fails half-way (CPython leaves what it wrote).
        where = 0 if "handle" in request else 1
        try:
            getattr(target, op)(*args)
        finally:
            if len(args) > where and isinstance(args[where], bytearray):
                _written[0] = bytes(args[where]).hex()
        return ["none"]
    if op == "iter_unpack":
        # Lazy, as CPython's: the iterator reads a bytearray standing for the
        # caller's memory, one struct per step ("next").
        where = 0 if "handle" in request else 1
        mirror = None
        # A CPython object of the objects bridge is read as itself; bytes from
        # JavaScript through a bytearray standing for them.
        if len(args) > where and tags[where][0] != "pyobj" and isinstance(args[where], (bytes, bytearray)):
            mirror = args[where] = bytearray(args[where])
        it = getattr(target, op)(*args)
        handle = next(_iter_handles)
        _iters[handle] = (it, target.format if "handle" in request else args[0], mirror)
        return ["int", str(handle)]
    result = getattr(target, op)(*args)
    fmt = target.format if "handle" in request else args[0]
    if op in ("unpack", "unpack_from"):
        return _encode_values(fmt, result)
    return _encode(result)

def mv_call(request_json):
    request = json.loads(request_json)
    _written[0] = None
    try:
        answer = {"ok": _call(request)}
    except Exception as e:
        name = "StructError" if isinstance(e, struct.error) else type(e).__name__
        answer = {"error": [name, str(e)]}
    if _written[0] is not None:
        answer["written"] = _written[0]
    return json.dumps(answer)

mv_call
`;
