/*
 * A fake libnvidia-ml for tests: three GPUs with known values, the NVML entry points that
 * autotune-gpu-nvml binds, and controls for the tests (fake_nvml_*).
 *
 * GPU 0: all metrics. GPU 1: power NOT_SUPPORTED, two compute processes (one without a memory
 * figure). GPU 2: utilisation NOT_SUPPORTED.
 * The result of nvmlInit_v2 comes from FAKE_NVML_INIT_RESULT (default 0) or fake_nvml_set_init_result.
 * Build with -DFAKE_WITHOUT_PROCESSES to leave out nvmlDeviceGetComputeRunningProcesses_v3.
 */
#include <stdlib.h>
#include <string.h>

#define SUCCESS 0
#define ERROR_UNINITIALIZED 1
#define ERROR_INVALID_ARGUMENT 2
#define ERROR_NOT_SUPPORTED 3
#define ERROR_INSUFFICIENT_SIZE 7
#define ERROR_DRIVER_NOT_LOADED 9
#define VALUE_NOT_AVAILABLE 0xFFFFFFFFFFFFFFFFULL
#define GIB (1ULL << 30)

typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;
typedef struct {
  unsigned int pid;
  unsigned long long usedGpuMemory;
  unsigned int gpuInstanceId, computeInstanceId;
} nvmlProcessInfo_t;

typedef struct {
  const char *uuid, *name;
  unsigned long long total, used;
  int utilization_supported;
  unsigned int gpu_util, mem_util, temperature;
  int power_supported;
  unsigned int power_mw;
} fake_gpu;

static const fake_gpu gpus[] = {
    {"GPU-00000000-0000-0000-0000-000000000000", "Fake H100 80GB HBM3", 80 * GIB, 1 * GIB,
     1, 12, 3, 41, 1, 71234},
    {"GPU-11111111-1111-1111-1111-111111111111", "Fake A100-SXM4-40GB", 40 * GIB, 20 * GIB,
     1, 97, 55, 67, 0, 0},
    {"GPU-22222222-2222-2222-2222-222222222222", "Fake L4", 24 * GIB, 0,
     0, 0, 0, 30, 1, 20000},
};
static const int gpu_count = 3;

static int init_calls, shutdown_calls, initialized;
static int init_result = -1;
static int processes_appearing, extra_processes;

int fake_nvml_init_calls(void) { return init_calls; }
int fake_nvml_shutdown_calls(void) { return shutdown_calls; }
void fake_nvml_set_init_result(int result) { init_result = result; }
/* The next time processes are listed, this many more appear between the sizing call and the read. */
void fake_nvml_set_processes_appearing(int count) { processes_appearing = count; }
void fake_nvml_reset(void) {
  init_calls = shutdown_calls = initialized = processes_appearing = extra_processes = 0;
  init_result = -1;
}

static int configured_init_result(void) {
  if (init_result >= 0) return init_result;
  const char *text = getenv("FAKE_NVML_INIT_RESULT");
  return text ? atoi(text) : SUCCESS;
}

const char *nvmlErrorString(int result) {
  switch (result) {
    case SUCCESS: return "fake NVML: Success";
    case ERROR_UNINITIALIZED: return "fake NVML: Uninitialized";
    case ERROR_INVALID_ARGUMENT: return "fake NVML: Invalid Argument";
    case ERROR_NOT_SUPPORTED: return "fake NVML: Not Supported";
    case ERROR_INSUFFICIENT_SIZE: return "fake NVML: Insufficient Size";
    case ERROR_DRIVER_NOT_LOADED: return "fake NVML: Driver Not Loaded";
    default: return "fake NVML: Unknown Error";
  }
}

int nvmlInit_v2(void) {
  init_calls++;
  int result = configured_init_result();
  if (result == SUCCESS) initialized++;
  return result;
}

int nvmlShutdown(void) {
  if (initialized == 0) return ERROR_UNINITIALIZED;
  shutdown_calls++;
  initialized--;
  return SUCCESS;
}

int nvmlDeviceGetCount_v2(unsigned int *count) {
  if (!initialized) return ERROR_UNINITIALIZED;
  *count = gpu_count;
  return SUCCESS;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, const fake_gpu **device) {
  if (!initialized) return ERROR_UNINITIALIZED;
  if (index >= (unsigned int)gpu_count) return ERROR_INVALID_ARGUMENT;
  *device = &gpus[index];
  return SUCCESS;
}

static int copy_string(const char *value, char *buffer, unsigned int length) {
  if (strlen(value) + 1 > length) return ERROR_INSUFFICIENT_SIZE;
  strcpy(buffer, value);
  return SUCCESS;
}

int nvmlDeviceGetUUID(const fake_gpu *device, char *uuid, unsigned int length) {
  return initialized ? copy_string(device->uuid, uuid, length) : ERROR_UNINITIALIZED;
}

int nvmlDeviceGetName(const fake_gpu *device, char *name, unsigned int length) {
  return initialized ? copy_string(device->name, name, length) : ERROR_UNINITIALIZED;
}

int nvmlDeviceGetMemoryInfo(const fake_gpu *device, nvmlMemory_t *memory) {
  if (!initialized) return ERROR_UNINITIALIZED;
  memory->total = device->total;
  memory->used = device->used;
  memory->free = device->total - device->used;
  return SUCCESS;
}

int nvmlDeviceGetUtilizationRates(const fake_gpu *device, nvmlUtilization_t *utilization) {
  if (!initialized) return ERROR_UNINITIALIZED;
  if (!device->utilization_supported) return ERROR_NOT_SUPPORTED;
  utilization->gpu = device->gpu_util;
  utilization->memory = device->mem_util;
  return SUCCESS;
}

int nvmlDeviceGetTemperature(const fake_gpu *device, int sensor, unsigned int *temperature) {
  if (!initialized) return ERROR_UNINITIALIZED;
  if (sensor != 0) return ERROR_INVALID_ARGUMENT; /* only NVML_TEMPERATURE_GPU */
  *temperature = device->temperature;
  return SUCCESS;
}

int nvmlDeviceGetPowerUsage(const fake_gpu *device, unsigned int *power) {
  if (!initialized) return ERROR_UNINITIALIZED;
  if (!device->power_supported) return ERROR_NOT_SUPPORTED;
  *power = device->power_mw;
  return SUCCESS;
}

#ifndef FAKE_WITHOUT_PROCESSES
/* GPU 1 runs pid 4242 (20 GiB) and pid 4343 (no memory figure), plus any that "appear". */
int nvmlDeviceGetComputeRunningProcesses_v3(
    const fake_gpu *device, unsigned int *count, nvmlProcessInfo_t *infos) {
  if (!initialized) return ERROR_UNINITIALIZED;
  if (count == NULL) return ERROR_INVALID_ARGUMENT;
  if (device == &gpus[1] && processes_appearing > 0 && *count > 0) {
    extra_processes += processes_appearing; /* they started after the caller sized its buffer */
    processes_appearing = 0;
  }
  unsigned int running = device == &gpus[1] ? 2 + extra_processes : 0;
  if (*count < running) {
    *count = running;
    return ERROR_INSUFFICIENT_SIZE;
  }
  for (unsigned int i = 0; i < running; i++) {
    infos[i].pid = 4242 + 101 * i;
    infos[i].usedGpuMemory = i == 0 ? 20 * GIB : i == 1 ? VALUE_NOT_AVAILABLE : GIB;
    infos[i].gpuInstanceId = 0xFFFFFFFF;
    infos[i].computeInstanceId = 0xFFFFFFFF;
  }
  *count = running;
  return SUCCESS;
}
#endif
