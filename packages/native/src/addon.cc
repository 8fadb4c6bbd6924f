// The @mv/native addon: the three things JavaScript cannot do by itself.
//
//   baseAddress(memory)    the address of the first byte of an ArrayBuffer, or
//                          of a typed array or DataView's first byte (how a
//                          SharedArrayBuffer is reached: Node-API has no
//                          SharedArrayBuffer accessor before Node 24), as a bigint
//   isDetached(buffer)     whether an ArrayBuffer has been detached
//   wrapAddress(address, byteLength, finalize?)
//                          an external ArrayBuffer over foreign memory, with an
//                          optional JavaScript finalizer
//
// Every index, offset and bounds check lives in TypeScript (src/api.ts) on
// @mv/core's layout helpers. The entry points below check their arguments,
// throw TypeError or RangeError when they are wrong, and hand plain values to
// the small C++ part, which knows nothing of JavaScript.
//
// NAPI_VERSION and the error mode (no C++ exceptions) are set in binding.gyp.

#include <napi.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <utility>

namespace mv_native {

// ---------------------------------------------------------------------------
// Plain C++: addresses and foreign regions
// ---------------------------------------------------------------------------

// An address as JavaScript sees it: an unsigned 64-bit integer.
inline uint64_t AddressOf(const void* data) {
  return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(data));
}

// Whether a 64-bit address is representable as a pointer here (always on
// 64-bit platforms; the check matters on 32-bit ones).
inline bool FitsInPointer(uint64_t address) {
  return address <= static_cast<uint64_t>(UINTPTR_MAX);
}

// The largest byteLength an ArrayBuffer may be given: 2**53 - 1, the largest
// integer a double (a JavaScript number) holds exactly.
constexpr double kMaxByteLength = 9007199254740991.0;

// Whether a JavaScript number is a usable byte length.
inline bool IsByteLength(double value) {
  return value >= 0 && value <= kMaxByteLength && std::floor(value) == value &&
         value <= static_cast<double>(SIZE_MAX);
}

// A region of foreign memory handed to JavaScript.
class ForeignRegion {
 public:
  ForeignRegion(uint64_t address, size_t byte_length)
      : address_(address), byte_length_(byte_length) {}

  void* data() const { return reinterpret_cast<void*>(static_cast<uintptr_t>(address_)); }
  uint64_t address() const { return address_; }
  size_t byte_length() const { return byte_length_; }

 private:
  uint64_t address_;
  size_t byte_length_;
};

// ---------------------------------------------------------------------------
// Node-API entry points
// ---------------------------------------------------------------------------

// A region with the JavaScript function to call once its ArrayBuffer is
// collected.
struct Finalization {
  ForeignRegion region;
  Napi::FunctionReference callback;
};

Napi::Value ThrowTypeError(Napi::Env env, const char* message) {
  Napi::TypeError::New(env, message).ThrowAsJavaScriptException();
  return env.Undefined();
}

Napi::Value ThrowRangeError(Napi::Env env, const char* message) {
  Napi::RangeError::New(env, message).ThrowAsJavaScriptException();
  return env.Undefined();
}

// baseAddress(memory: ArrayBuffer | ArrayBufferView): bigint
Napi::Value BaseAddress(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 1) {
    return ThrowTypeError(env, "baseAddress() takes exactly one argument");
  }
  Napi::Value memory = info[0];
  void* data = nullptr;
  if (memory.IsArrayBuffer()) {
    data = memory.As<Napi::ArrayBuffer>().Data();
  } else if (memory.IsTypedArray()) {
    // Data() of the view's buffer plus its byteOffset. Asking for the data
    // also moves a small on-heap typed array's elements off the heap.
    napi_status status =
        napi_get_typedarray_info(env, memory, nullptr, nullptr, &data, nullptr, nullptr);
    NAPI_THROW_IF_FAILED(env, status, env.Undefined());
  } else if (memory.IsDataView()) {
    data = memory.As<Napi::DataView>().Data();
  } else {
    return ThrowTypeError(env, "baseAddress() expects an ArrayBuffer, a typed array or a DataView");
  }
  return Napi::BigInt::New(env, AddressOf(data));
}

// isDetached(buffer: ArrayBuffer): boolean
Napi::Value IsDetached(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() != 1 || !info[0].IsArrayBuffer()) {
    return ThrowTypeError(env, "isDetached() expects one ArrayBuffer");
  }
  return Napi::Boolean::New(env, info[0].As<Napi::ArrayBuffer>().IsDetached());
}

// Runs on the JavaScript thread once the external ArrayBuffer is collected,
// and also while Node tears the environment down at exit, when JavaScript can
// no longer run: the call then fails quietly (no finalizer runs at exit, as
// with FinalizationRegistry). The raw C call is used because the wrapper's
// Call() would turn that failure into a fatal error. An exception thrown by
// the callback stays pending, and Node reports it as an uncaught exception.
void CallFinalizer(napi_env raw_env, void* /*data*/, void* hint) {
  std::unique_ptr<Finalization> finalization(static_cast<Finalization*>(hint));
  Napi::Env env(raw_env);
  Napi::HandleScope scope(env);
  const ForeignRegion& region = finalization->region;
  napi_value args[2] = {Napi::BigInt::New(env, region.address()),
                        Napi::Number::New(env, static_cast<double>(region.byte_length()))};
  napi_value callback = finalization->callback.Value();
  napi_value result = nullptr;
  if (callback != nullptr) {
    napi_call_function(raw_env, env.Undefined(), callback, 2, args, &result);
  }
}

// wrapAddress(address: bigint, byteLength: number, finalize?: Function): ArrayBuffer
Napi::Value WrapAddress(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || info.Length() > 3) {
    return ThrowTypeError(env, "wrapAddress() takes an address, a byteLength and an optional finalizer");
  }
  if (!info[0].IsBigInt()) {
    return ThrowTypeError(env, "wrapAddress(): the address must be a bigint");
  }
  bool lossless = false;
  uint64_t address = info[0].As<Napi::BigInt>().Uint64Value(&lossless);
  if (!lossless || !FitsInPointer(address)) {
    return ThrowRangeError(env, "wrapAddress(): the address is not a pointer on this platform");
  }
  if (!info[1].IsNumber()) {
    return ThrowTypeError(env, "wrapAddress(): the byteLength must be a number");
  }
  double byte_length = info[1].As<Napi::Number>().DoubleValue();
  if (!IsByteLength(byte_length)) {
    return ThrowRangeError(env, "wrapAddress(): the byteLength must be a non-negative safe integer");
  }
  bool has_finalizer = info.Length() == 3 && !info[2].IsUndefined();
  if (has_finalizer && !info[2].IsFunction()) {
    return ThrowTypeError(env, "wrapAddress(): the finalizer must be a function");
  }

  ForeignRegion region(address, static_cast<size_t>(byte_length));
  Finalization* finalization = nullptr;
  if (has_finalizer) {
    finalization = new Finalization{region, Napi::Persistent(info[2].As<Napi::Function>())};
  }
  napi_value result = nullptr;
  napi_status status = napi_create_external_arraybuffer(
      env, region.data(), region.byte_length(), has_finalizer ? CallFinalizer : nullptr,
      finalization, &result);
  if (status == napi_ok) return Napi::Value(env, result);

  delete finalization;
  if (status == napi_no_external_buffers_allowed) {
    Napi::Error error = Napi::Error::New(
        env,
        "this runtime forbids external ArrayBuffers (its V8 memory sandbox is on), "
        "so foreign memory cannot be wrapped; copy it instead");
    error.Set("code", Napi::String::New(env, "ERR_MV_NATIVE_NO_EXTERNAL_BUFFERS"));
    error.ThrowAsJavaScriptException();
    return env.Undefined();
  }
  NAPI_THROW_IF_FAILED(env, status, env.Undefined());
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("baseAddress", Napi::Function::New(env, BaseAddress, "baseAddress"));
  exports.Set("isDetached", Napi::Function::New(env, IsDetached, "isDetached"));
  exports.Set("wrapAddress", Napi::Function::New(env, WrapAddress, "wrapAddress"));
  return exports;
}

}  // namespace mv_native

Napi::Object InitModule(Napi::Env env, Napi::Object exports) {
  return mv_native::Init(env, exports);
}

NODE_API_MODULE(mv_native, InitModule)
