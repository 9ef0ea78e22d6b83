package io.autotune.gpu.nvml;

import io.autotune.AutotuneException;

/** An NVML call returned an error; the message is NVML's own ({@code nvmlErrorString}). */
final class NvmlException extends AutotuneException {
  private static final long serialVersionUID = 1L;

  NvmlException(String call, int code, String message) {
    super(call + " failed: " + message + " (NVML error " + code + ")");
  }
}
