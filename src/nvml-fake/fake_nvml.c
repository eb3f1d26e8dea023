/*
 * A fake libnvidia-ml.so.1 for GPU-less tests of Argus's NVML binding.
 *
 * Written from the documented NVML C ABI (prototypes, struct layouts, return codes); no NVIDIA
 * header is used or copied. Values come from a scenario file (see README.md next to this file),
 * read on every nvmlInit* that takes the reference count from 0 to 1, so a test observes a
 * "driver reload" exactly when its binding shuts NVML down and initialises it again.
 *
 * Build variants (see build.sh):
 *   default            a current driver: _v2/_v3 entry points, 24-byte process structs
 *   -DFAKE_OLD_DRIVER  a pre-R450 driver: no _v2/_v3 entry points at all, no clock event reasons
 *   -DFAKE_R535        the 535.43-535.86 drivers whose _v3 process call wrote a 32-byte struct
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define API __attribute__((visibility("default")))

typedef int nvmlReturn_t;
enum {
    SUCCESS = 0, UNINITIALIZED = 1, INVALID_ARGUMENT = 2, NOT_SUPPORTED = 3, NO_PERMISSION = 4,
    NOT_FOUND = 6, INSUFFICIENT_SIZE = 7, DRIVER_NOT_LOADED = 9, TIMEOUT = 10,
    GPU_IS_LOST = 15, ARGUMENT_VERSION_MISMATCH = 25, UNKNOWN = 999
};

#define MAX_GPUS 16
#define MAX_MIG 7
#define MAX_PROCS 16
#define MAX_XIDS 16
#define MAX_FAILS 16
#define MAX_EVENTS 256
#define MEMORY_V2_VERSION 0x02000028u
#define EVENT_XID 0x8ull
#define NO_INSTANCE 0xFFFFFFFFu

/* Numeric fields a scenario can set; an unset field answers NVML_ERROR_NOT_SUPPORTED. */
enum field {
    F_UTIL_GPU, F_UTIL_MEM, F_MEM_TOTAL, F_MEM_FREE, F_MEM_USED, F_MEM_RESERVED, F_TEMP,
    F_POWER_MW, F_LIMIT_MW, F_PM_LIMIT_MW, F_ENERGY_MJ, F_CLOCK_GRAPHICS, F_CLOCK_SM, F_CLOCK_MEM,
    F_MAX_CLOCK_GRAPHICS, F_MAX_CLOCK_SM, F_MAX_CLOCK_MEM, F_FAN, F_PSTATE, F_ENC_UTIL, F_DEC_UTIL,
    F_PCIE_TX, F_PCIE_RX, F_ECC_CORRECTED, F_ECC_UNCORRECTED, F_CLOCK_REASONS, F_MINOR, F_MIG,
    F_MIG_MAX, F_GI, F_CI, F_LOST, NFIELDS
};
static const char *field_names[NFIELDS] = {
    "util_gpu", "util_mem", "mem_total", "mem_free", "mem_used", "mem_reserved", "temp",
    "power_mw", "limit_mw", "pm_limit_mw", "energy_mj", "clock_graphics", "clock_sm", "clock_mem",
    "max_clock_graphics", "max_clock_sm", "max_clock_mem", "fan", "pstate", "enc_util", "dec_util",
    "pcie_tx_kbps", "pcie_rx_kbps", "ecc_corrected", "ecc_uncorrected", "clock_reasons", "minor", "mig",
    "mig_max", "gpu_instance", "compute_instance", "lost"
};

struct proc { unsigned int pid; unsigned long long used; unsigned int gi, ci; };
struct fail { char fn[64]; int rc; };

struct device {
    int present;                 /* MIG slots may be empty */
    struct device *parent;       /* non-NULL for a MIG instance */
    char name[96], uuid[96], serial[32], bus_id[32];
    int has_name, has_uuid, has_serial, has_bus_id;
    unsigned long long val[NFIELDS];
    unsigned char has[NFIELDS];
    struct proc procs[MAX_PROCS];
    int nprocs;
    unsigned long long xids[MAX_XIDS];
    int nxids;
    struct fail fails[MAX_FAILS];
    int nfails;
    struct device *mig[MAX_MIG];
};

static struct {
    char driver[80], nvml[80];
    int has_driver, has_nvml, has_cuda;
    int cuda;
    int init_rc;
    unsigned int count;
    struct device gpus[MAX_GPUS];
    struct device migs[MAX_GPUS][MAX_MIG];
} S;

static int refcount;
static int init_count;
static char scenario_override[4096];

struct event { struct device *dev; unsigned long long xid; };
struct event_set { struct event q[MAX_EVENTS]; int head, tail; };

/* ---------------------------------------------------------------- scenario parsing */

static char *trim(char *s) {
    while (isspace((unsigned char) *s)) s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char) e[-1])) *--e = '\0';
    return s;
}

static void set_string(char *dst, size_t cap, int *has, const char *v) {
    if (strcmp(v, "-") == 0) { *has = 0; return; }
    snprintf(dst, cap, "%s", v);
    *has = 1;
}

/* Applies "key=value" to one device; returns 0 if the key is unknown. */
static int apply(struct device *d, const char *key, const char *v) {
    if (strcmp(key, "name") == 0) { set_string(d->name, sizeof d->name, &d->has_name, v); return 1; }
    if (strcmp(key, "uuid") == 0) { set_string(d->uuid, sizeof d->uuid, &d->has_uuid, v); return 1; }
    if (strcmp(key, "serial") == 0) { set_string(d->serial, sizeof d->serial, &d->has_serial, v); return 1; }
    if (strcmp(key, "pci_bus_id") == 0) { set_string(d->bus_id, sizeof d->bus_id, &d->has_bus_id, v); return 1; }
    if (strncmp(key, "fail.", 5) == 0) {
        if (d->nfails < MAX_FAILS) {
            snprintf(d->fails[d->nfails].fn, sizeof d->fails[0].fn, "%s", key + 5);
            d->fails[d->nfails++].rc = atoi(v);
        }
        return 1;
    }
    if (strncmp(key, "proc", 4) == 0 && isdigit((unsigned char) key[4])) {
        /* pid:bytes[:gi:ci]; bytes -1 stands for NVML_VALUE_NOT_AVAILABLE */
        struct proc p = { 0, 0, NO_INSTANCE, NO_INSTANCE };
        long long used = 0;
        if (sscanf(v, "%u:%lld:%u:%u", &p.pid, &used, &p.gi, &p.ci) < 2) return 0;
        p.used = (unsigned long long) used;
        if (d->nprocs < MAX_PROCS) d->procs[d->nprocs++] = p;
        return 1;
    }
    if (strcmp(key, "xid") == 0) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s", v);
        for (char *t = strtok(buf, ","); t && d->nxids < MAX_XIDS; t = strtok(NULL, ","))
            d->xids[d->nxids++] = strtoull(trim(t), NULL, 0);
        return 1;
    }
    for (int f = 0; f < NFIELDS; f++) {
        if (strcmp(key, field_names[f]) == 0) {
            if (strcmp(v, "-") == 0) d->has[f] = 0;
            else { d->val[f] = strtoull(v, NULL, 0); d->has[f] = 1; }
            return 1;
        }
    }
    return 0;
}

static int load_scenario(void) {
    const char *path = scenario_override[0] ? scenario_override : getenv("FAKE_NVML_SCENARIO");
    memset(&S, 0, sizeof S);
    if (!path || !*path) {
        fprintf(stderr, "fake-nvml: no scenario (set FAKE_NVML_SCENARIO or call fakeNvmlSetScenario)\n");
        return 0;
    }
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "fake-nvml: cannot read scenario %s\n", path); return 0; }
    char line[1024];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        char *eq = strchr(s, '=');
        if (!eq) { fprintf(stderr, "fake-nvml: %s:%d: no '='\n", path, lineno); continue; }
        *eq = '\0';
        char *key = trim(s), *v = trim(eq + 1);
        int ok = 1;
        if (strcmp(key, "driver") == 0) set_string(S.driver, sizeof S.driver, &S.has_driver, v);
        else if (strcmp(key, "nvml") == 0) set_string(S.nvml, sizeof S.nvml, &S.has_nvml, v);
        else if (strcmp(key, "cuda") == 0) { S.cuda = atoi(v); S.has_cuda = 1; }
        else if (strcmp(key, "init_rc") == 0) S.init_rc = atoi(v);
        else if (strcmp(key, "count") == 0) S.count = (unsigned) atoi(v) > MAX_GPUS ? MAX_GPUS : (unsigned) atoi(v);
        else if (strncmp(key, "gpu", 3) == 0) {
            /* gpu*.key, gpuN.key or gpuN.migM.key */
            char *dot = strchr(key, '.');
            if (!dot) ok = 0;
            else if (key[3] == '*') {
                for (int i = 0; i < MAX_GPUS; i++) ok = apply(&S.gpus[i], dot + 1, v);
            } else {
                int i = atoi(key + 3);
                if (i < 0 || i >= MAX_GPUS) ok = 0;
                else if (strncmp(dot + 1, "mig", 3) == 0 && isdigit((unsigned char) dot[4])) {
                    int m = atoi(dot + 4);
                    char *dot2 = strchr(dot + 1, '.');
                    if (m < 0 || m >= MAX_MIG || !dot2) ok = 0;
                    else {
                        S.migs[i][m].present = 1;
                        ok = apply(&S.migs[i][m], dot2 + 1, v);
                    }
                } else ok = apply(&S.gpus[i], dot + 1, v);
            }
        } else ok = 0;
        if (!ok) fprintf(stderr, "fake-nvml: %s:%d: unknown key %s\n", path, lineno, key);
    }
    fclose(f);
    for (int i = 0; i < MAX_GPUS; i++) {
        S.gpus[i].present = 1;
        for (int m = 0; m < MAX_MIG; m++) {
            S.migs[i][m].parent = &S.gpus[i];
            S.gpus[i].mig[m] = S.migs[i][m].present ? &S.migs[i][m] : NULL;
        }
    }
    return 1;
}

/* ---------------------------------------------------------------- test-only controls */

/* Switches the scenario inside one process; applies at the next nvmlInit from refcount 0. */
API void fakeNvmlSetScenario(const char *path) {
    snprintf(scenario_override, sizeof scenario_override, "%s", path ? path : "");
}

/* The GPU falls off the bus now; it comes back when a re-initialisation re-reads the scenario. */
API int fakeNvmlLoseGpu(unsigned int index) {
    if (index >= MAX_GPUS) return INVALID_ARGUMENT;
    S.gpus[index].val[F_LOST] = 1;
    S.gpus[index].has[F_LOST] = 1;
    return SUCCESS;
}

API int fakeNvmlInitCount(void) { return init_count; }
API int fakeNvmlRefCount(void) { return refcount; }

/* ---------------------------------------------------------------- helpers */

static int is_lost(const struct device *d) {
    const struct device *g = d->parent ? d->parent : d;
    return g->has[F_LOST] && g->val[F_LOST];
}

/* Common entry check for every call that takes a device handle. */
static int check(const struct device *d, const char *fn) {
    if (refcount == 0) return UNINITIALIZED;
    if (!d) return INVALID_ARGUMENT;
    if (is_lost(d)) return GPU_IS_LOST;
    for (int i = 0; i < d->nfails; i++)
        if (strcmp(d->fails[i].fn, fn) == 0) return d->fails[i].rc;
    return SUCCESS;
}
#define CHECK(d) do { int rc_ = check((d), __func__); if (rc_) return rc_; } while (0)

static int field_u32(const struct device *d, int f, unsigned int *out) {
    if (!out) return INVALID_ARGUMENT;
    if (!d->has[f]) return NOT_SUPPORTED;
    *out = (unsigned int) d->val[f];
    return SUCCESS;
}

static int field_u64(const struct device *d, int f, unsigned long long *out) {
    if (!out) return INVALID_ARGUMENT;
    if (!d->has[f]) return NOT_SUPPORTED;
    *out = d->val[f];
    return SUCCESS;
}

static int copy_string(const char *s, int has, char *buf, unsigned int len) {
    if (!has) return NOT_SUPPORTED;
    if (!buf) return INVALID_ARGUMENT;
    if (strlen(s) + 1 > len) return INSUFFICIENT_SIZE;
    memcpy(buf, s, strlen(s) + 1);
    return SUCCESS;
}

static int mig_enabled(const struct device *d) {
    return !d->parent && d->has[F_MIG] && d->val[F_MIG] == 1;
}

/* ---------------------------------------------------------------- init and system */

static int do_init(void) {
    if (refcount == 0) {
        if (!load_scenario()) return UNKNOWN;
        if (S.init_rc) return S.init_rc;
        init_count++;
    }
    refcount++;
    return SUCCESS;
}

API nvmlReturn_t nvmlInit(void) { return do_init(); }
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlInit_v2(void) { return do_init(); }
#endif
API nvmlReturn_t nvmlInitWithFlags(unsigned int flags) { (void) flags; return do_init(); }

API nvmlReturn_t nvmlShutdown(void) {
    if (refcount == 0) return UNINITIALIZED;
    refcount--;
    return SUCCESS;
}

API const char *nvmlErrorString(nvmlReturn_t rc) {
    switch (rc) {
    case SUCCESS: return "Success";
    case UNINITIALIZED: return "Uninitialized";
    case INVALID_ARGUMENT: return "Invalid Argument";
    case NOT_SUPPORTED: return "Not Supported";
    case NO_PERMISSION: return "Insufficient Permissions";
    case NOT_FOUND: return "Not Found";
    case INSUFFICIENT_SIZE: return "Insufficient Size";
    case DRIVER_NOT_LOADED: return "Driver Not Loaded";
    case TIMEOUT: return "Timeout";
    case GPU_IS_LOST: return "GPU is lost";
    case ARGUMENT_VERSION_MISMATCH: return "Argument version mismatch";
    default: return "Unknown Error";
    }
}

API nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    if (refcount == 0) return UNINITIALIZED;
    return copy_string(S.driver, S.has_driver, version, length);
}

API nvmlReturn_t nvmlSystemGetNVMLVersion(char *version, unsigned int length) {
    if (refcount == 0) return UNINITIALIZED;
    return copy_string(S.nvml, S.has_nvml, version, length);
}

static int cuda_version(int *v) {
    if (!v) return INVALID_ARGUMENT;
    if (!S.has_cuda) return NOT_SUPPORTED;
    *v = S.cuda;
    return SUCCESS;
}
API nvmlReturn_t nvmlSystemGetCudaDriverVersion(int *v) { return cuda_version(v); }
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *v) { return cuda_version(v); }
#endif

/* ---------------------------------------------------------------- enumeration */

static int device_count(unsigned int *count) {
    if (refcount == 0) return UNINITIALIZED;
    if (!count) return INVALID_ARGUMENT;
    *count = S.count;
    return SUCCESS;
}
API nvmlReturn_t nvmlDeviceGetCount(unsigned int *count) { return device_count(count); }
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) { return device_count(count); }
#endif

static int handle_by_index(unsigned int index, struct device **out, const char *fn) {
    if (refcount == 0) return UNINITIALIZED;
    if (!out || index >= S.count) return INVALID_ARGUMENT;
    int rc = check(&S.gpus[index], fn);
    if (rc) return rc;
    *out = &S.gpus[index];
    return SUCCESS;
}
API nvmlReturn_t nvmlDeviceGetHandleByIndex(unsigned int index, struct device **out) {
    return handle_by_index(index, out, __func__);
}
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, struct device **out) {
    return handle_by_index(index, out, __func__);
}
#endif

/* ---------------------------------------------------------------- identity */

API nvmlReturn_t nvmlDeviceGetName(struct device *d, char *buf, unsigned int len) {
    CHECK(d);
    return copy_string(d->name, d->has_name, buf, len);
}

API nvmlReturn_t nvmlDeviceGetUUID(struct device *d, char *buf, unsigned int len) {
    CHECK(d);
    return copy_string(d->uuid, d->has_uuid, buf, len);
}

API nvmlReturn_t nvmlDeviceGetSerial(struct device *d, char *buf, unsigned int len) {
    CHECK(d);
    return copy_string(d->serial, d->has_serial, buf, len);
}

API nvmlReturn_t nvmlDeviceGetMinorNumber(struct device *d, unsigned int *minor) {
    CHECK(d);
    return field_u32(d, F_MINOR, minor);
}

/*
 * nvmlPciInfo_t, 68 bytes. The v3 layout starts with a 16-byte legacy bus id and ends with the
 * 32-byte bus id at offset 36; the v1/v2 layouts carry only the 16-byte one at offset 0.
 */
static int pci_info(struct device *d, unsigned char *pci, int v3) {
    if (!pci) return INVALID_ARGUMENT;
    if (!d->has_bus_id) return NOT_SUPPORTED;
    unsigned int domain = 0, bus = 0, dev = 0;
    sscanf(d->bus_id, "%x:%x:%x", &domain, &bus, &dev);
    memset(pci, 0, v3 ? 68 : 36);
    snprintf((char *) pci, 16, "%04X:%02X:%02X.0", domain, bus, dev);
    memcpy(pci + 16, &domain, 4);
    memcpy(pci + 20, &bus, 4);
    memcpy(pci + 24, &dev, 4);
    unsigned int device_id = 0x233010DE;
    memcpy(pci + 28, &device_id, 4);
    if (v3) snprintf((char *) pci + 36, 32, "%08X:%02X:%02X.0", domain, bus, dev);
    return SUCCESS;
}
API nvmlReturn_t nvmlDeviceGetPciInfo(struct device *d, unsigned char *pci) { CHECK(d); return pci_info(d, pci, 0); }
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlDeviceGetPciInfo_v2(struct device *d, unsigned char *pci) { CHECK(d); return pci_info(d, pci, 0); }
API nvmlReturn_t nvmlDeviceGetPciInfo_v3(struct device *d, unsigned char *pci) { CHECK(d); return pci_info(d, pci, 1); }
#endif

/* ---------------------------------------------------------------- readings */

API nvmlReturn_t nvmlDeviceGetUtilizationRates(struct device *d, unsigned int *util) {
    CHECK(d);
    if (!util) return INVALID_ARGUMENT;
    /* documented: not supported on MIG-enabled GPUs */
    if (mig_enabled(d) || !d->has[F_UTIL_GPU] || !d->has[F_UTIL_MEM]) return NOT_SUPPORTED;
    util[0] = (unsigned int) d->val[F_UTIL_GPU];
    util[1] = (unsigned int) d->val[F_UTIL_MEM];
    return SUCCESS;
}

static int has_memory(const struct device *d) {
    return d->has[F_MEM_TOTAL] && d->has[F_MEM_FREE] && d->has[F_MEM_USED];
}

API nvmlReturn_t nvmlDeviceGetMemoryInfo(struct device *d, unsigned long long *mem) {
    CHECK(d);
    if (!mem) return INVALID_ARGUMENT;
    if (!has_memory(d)) return NOT_SUPPORTED;
    mem[0] = d->val[F_MEM_TOTAL];
    mem[1] = d->val[F_MEM_FREE];
    mem[2] = d->val[F_MEM_USED];
    return SUCCESS;
}

#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(struct device *d, unsigned char *mem) {
    CHECK(d);
    if (!mem) return INVALID_ARGUMENT;
    unsigned int version;
    memcpy(&version, mem, 4);
    if (version != MEMORY_V2_VERSION) return ARGUMENT_VERSION_MISMATCH;
    if (!has_memory(d)) return NOT_SUPPORTED;
    unsigned long long v[4] = {
        d->val[F_MEM_TOTAL], d->has[F_MEM_RESERVED] ? d->val[F_MEM_RESERVED] : 0,
        d->val[F_MEM_FREE], d->val[F_MEM_USED]
    };
    memcpy(mem + 8, v, sizeof v);
    return SUCCESS;
}
#endif

API nvmlReturn_t nvmlDeviceGetTemperature(struct device *d, int sensor, unsigned int *temp) {
    CHECK(d);
    if (sensor != 0) return INVALID_ARGUMENT;
    return field_u32(d, F_TEMP, temp);
}

API nvmlReturn_t nvmlDeviceGetPowerUsage(struct device *d, unsigned int *mw) { CHECK(d); return field_u32(d, F_POWER_MW, mw); }
API nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(struct device *d, unsigned int *mw) { CHECK(d); return field_u32(d, F_LIMIT_MW, mw); }
API nvmlReturn_t nvmlDeviceGetPowerManagementLimit(struct device *d, unsigned int *mw) { CHECK(d); return field_u32(d, F_PM_LIMIT_MW, mw); }
API nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(struct device *d, unsigned long long *mj) { CHECK(d); return field_u64(d, F_ENERGY_MJ, mj); }

static int clock_field(int type, int max) {
    switch (type) {
    case 0: return max ? F_MAX_CLOCK_GRAPHICS : F_CLOCK_GRAPHICS;
    case 1: return max ? F_MAX_CLOCK_SM : F_CLOCK_SM;
    case 2: return max ? F_MAX_CLOCK_MEM : F_CLOCK_MEM;
    default: return -1;
    }
}

API nvmlReturn_t nvmlDeviceGetClockInfo(struct device *d, int type, unsigned int *mhz) {
    CHECK(d);
    int f = clock_field(type, 0);
    return f < 0 ? NOT_SUPPORTED : field_u32(d, f, mhz);
}

API nvmlReturn_t nvmlDeviceGetMaxClockInfo(struct device *d, int type, unsigned int *mhz) {
    CHECK(d);
    int f = clock_field(type, 1);
    return f < 0 ? NOT_SUPPORTED : field_u32(d, f, mhz);
}

API nvmlReturn_t nvmlDeviceGetFanSpeed(struct device *d, unsigned int *pct) { CHECK(d); return field_u32(d, F_FAN, pct); }
API nvmlReturn_t nvmlDeviceGetPerformanceState(struct device *d, unsigned int *p) { CHECK(d); return field_u32(d, F_PSTATE, p); }

static int codec_util(struct device *d, int f, unsigned int *util, unsigned int *period) {
    if (!period) return INVALID_ARGUMENT;
    int rc = field_u32(d, f, util);
    if (rc == SUCCESS) *period = 167000;
    return rc;
}
API nvmlReturn_t nvmlDeviceGetEncoderUtilization(struct device *d, unsigned int *u, unsigned int *p) { CHECK(d); return codec_util(d, F_ENC_UTIL, u, p); }
API nvmlReturn_t nvmlDeviceGetDecoderUtilization(struct device *d, unsigned int *u, unsigned int *p) { CHECK(d); return codec_util(d, F_DEC_UTIL, u, p); }

API nvmlReturn_t nvmlDeviceGetPcieThroughput(struct device *d, int counter, unsigned int *kbps) {
    CHECK(d);
    if (counter == 0) return field_u32(d, F_PCIE_TX, kbps);
    if (counter == 1) return field_u32(d, F_PCIE_RX, kbps);
    return INVALID_ARGUMENT;
}

/* Only the volatile counters (since the last driver load) are modelled. */
API nvmlReturn_t nvmlDeviceGetTotalEccErrors(struct device *d, int errorType, int counterType, unsigned long long *count) {
    CHECK(d);
    if (counterType != 0) return NOT_SUPPORTED;
    if (errorType == 0) return field_u64(d, F_ECC_CORRECTED, count);
    if (errorType == 1) return field_u64(d, F_ECC_UNCORRECTED, count);
    return INVALID_ARGUMENT;
}

API nvmlReturn_t nvmlDeviceGetCurrentClocksThrottleReasons(struct device *d, unsigned long long *r) { CHECK(d); return field_u64(d, F_CLOCK_REASONS, r); }
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlDeviceGetCurrentClocksEventReasons(struct device *d, unsigned long long *r) { CHECK(d); return field_u64(d, F_CLOCK_REASONS, r); }
#endif

/* ---------------------------------------------------------------- processes */

/* stride 16: v1 {pid, used}; 24: v2 {pid, used, gi, ci}; 32: R535 "v3" {v2, ccProtected} */
static int processes(struct device *d, unsigned int *count, unsigned char *infos, size_t stride) {
    if (!count) return INVALID_ARGUMENT;
    unsigned int n = (unsigned int) d->nprocs;
    if (*count < n) { *count = n; return INSUFFICIENT_SIZE; }
    *count = n;
    if (n == 0) return SUCCESS;
    if (!infos) return INVALID_ARGUMENT;
    for (unsigned int i = 0; i < n; i++) {
        unsigned char *p = infos + i * stride;
        memset(p, 0, stride);
        memcpy(p, &d->procs[i].pid, 4);
        memcpy(p + 8, &d->procs[i].used, 8);
        if (stride >= 24) {
            memcpy(p + 16, &d->procs[i].gi, 4);
            memcpy(p + 20, &d->procs[i].ci, 4);
        }
    }
    return SUCCESS;
}

API nvmlReturn_t nvmlDeviceGetComputeRunningProcesses(struct device *d, unsigned int *c, unsigned char *i) { CHECK(d); return processes(d, c, i, 16); }
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v2(struct device *d, unsigned int *c, unsigned char *i) { CHECK(d); return processes(d, c, i, 24); }
#ifdef FAKE_R535
API nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(struct device *d, unsigned int *c, unsigned char *i) { CHECK(d); return processes(d, c, i, 32); }
#else
API nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(struct device *d, unsigned int *c, unsigned char *i) { CHECK(d); return processes(d, c, i, 24); }
#endif
/* Exported only so that bindings can tell the R535 drivers apart by their symbol set. */
API nvmlReturn_t nvmlDeviceGetConfComputeMemSizeInfo(struct device *d, void *info) { (void) info; CHECK(d); return NOT_SUPPORTED; }
#ifndef FAKE_R535
API nvmlReturn_t nvmlDeviceGetRunningProcessDetailList(struct device *d, void *list) { (void) list; CHECK(d); return NOT_SUPPORTED; }
#endif
#endif

/* ---------------------------------------------------------------- MIG */

API nvmlReturn_t nvmlDeviceGetMigMode(struct device *d, unsigned int *current, unsigned int *pending) {
    CHECK(d);
    if (!current || !pending) return INVALID_ARGUMENT;
    if (d->parent || !d->has[F_MIG]) return NOT_SUPPORTED;
    *current = *pending = (unsigned int) d->val[F_MIG];
    return SUCCESS;
}

API nvmlReturn_t nvmlDeviceGetMaxMigDeviceCount(struct device *d, unsigned int *count) {
    CHECK(d);
    if (!count) return INVALID_ARGUMENT;
    *count = mig_enabled(d) && d->has[F_MIG_MAX] ? (unsigned int) d->val[F_MIG_MAX] : 0;
    return SUCCESS;
}

API nvmlReturn_t nvmlDeviceGetMigDeviceHandleByIndex(struct device *d, unsigned int index, struct device **out) {
    CHECK(d);
    if (!out || !mig_enabled(d)) return INVALID_ARGUMENT;
    unsigned int max = d->has[F_MIG_MAX] ? (unsigned int) d->val[F_MIG_MAX] : 0;
    if (index >= max || index >= MAX_MIG) return INVALID_ARGUMENT;
    if (!d->mig[index]) return NOT_FOUND;
    *out = d->mig[index];
    return SUCCESS;
}

API nvmlReturn_t nvmlDeviceGetGpuInstanceId(struct device *d, unsigned int *id) {
    CHECK(d);
    return d->parent ? field_u32(d, F_GI, id) : NOT_SUPPORTED;
}

API nvmlReturn_t nvmlDeviceGetComputeInstanceId(struct device *d, unsigned int *id) {
    CHECK(d);
    return d->parent ? field_u32(d, F_CI, id) : NOT_SUPPORTED;
}

/* ---------------------------------------------------------------- events */

API nvmlReturn_t nvmlEventSetCreate(struct event_set **set) {
    if (refcount == 0) return UNINITIALIZED;
    if (!set) return INVALID_ARGUMENT;
    *set = calloc(1, sizeof **set);
    return *set ? SUCCESS : UNKNOWN;
}

/* The scenario's XIDs of a device are queued once, when the device is registered for them. */
API nvmlReturn_t nvmlDeviceRegisterEvents(struct device *d, unsigned long long types, struct event_set *set) {
    CHECK(d);
    if (!set) return INVALID_ARGUMENT;
    if (!(types & EVENT_XID)) return SUCCESS;
    for (int i = 0; i < d->nxids && set->tail < MAX_EVENTS; i++) {
        set->q[set->tail].dev = d;
        set->q[set->tail++].xid = d->xids[i];
    }
    return SUCCESS;
}

static int event_wait(struct event_set *set, unsigned char *data, int with_instances) {
    if (refcount == 0) return UNINITIALIZED;
    if (!set || !data) return INVALID_ARGUMENT;
    if (set->head == set->tail) return TIMEOUT;
    struct event e = set->q[set->head++];
    if (is_lost(e.dev)) return GPU_IS_LOST;
    unsigned long long type = EVENT_XID;
    unsigned int none = NO_INSTANCE;
    memcpy(data, &e.dev, 8);
    memcpy(data + 8, &type, 8);
    memcpy(data + 16, &e.xid, 8);
    if (with_instances) {
        memcpy(data + 24, &none, 4);
        memcpy(data + 28, &none, 4);
    }
    return SUCCESS;
}
API nvmlReturn_t nvmlEventSetWait(struct event_set *set, unsigned char *data, unsigned int timeoutms) {
    (void) timeoutms;
    return event_wait(set, data, 0);
}
#ifndef FAKE_OLD_DRIVER
API nvmlReturn_t nvmlEventSetWait_v2(struct event_set *set, unsigned char *data, unsigned int timeoutms) {
    (void) timeoutms;
    return event_wait(set, data, 1);
}
#endif

API nvmlReturn_t nvmlEventSetFree(struct event_set *set) {
    if (refcount == 0) return UNINITIALIZED;
    free(set);
    return SUCCESS;
}
