package io.autotune.gpu.nvml;

/** NVML cannot be used on this host; the message says why. Checked: callers fall back. */
final class NvmlUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  NvmlUnavailableException(String reason) {
    super(reason);
  }
}
