# One target, one source. node-addon-api gives the include directory and the
# gyp target; the define below picks its error mode (no C++ exceptions: every
# failure becomes a pending JavaScript exception) and NAPI_VERSION pins the
# Node-API level: 8 covers BigInt (6) and detached buffers (7), Node >= 12.22.
{
  "targets": [
    {
      "target_name": "mv_native",
      "sources": ["src/addon.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "dependencies": ["<!(node -p \"require('node-addon-api').targets\"):node_addon_api"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_CPP_EXCEPTIONS"],
      "cflags_cc": ["-Wall", "-Wextra"],
      "conditions": [
        ["OS=='mac'", {
          "xcode_settings": {
            "GCC_ENABLE_CPP_EXCEPTIONS": "NO",
            "MACOSX_DEPLOYMENT_TARGET": "10.15"
          }
        }],
        ["OS=='win'", {
          "msvs_settings": {
            "VCCLCompilerTool": { "ExceptionHandling": 0 }
          }
        }]
      ]
    }
  ]
}
