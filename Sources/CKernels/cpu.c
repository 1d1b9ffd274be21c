#include "ckernels.h"
#if defined(__x86_64__)
#include <cpuid.h>
#include <string.h>

static unsigned long long xgetbv0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

unsigned ckernels_cpu_features(void) {
    unsigned int a, b, c, d, max;
    if (!__get_cpuid(0, &max, &b, &c, &d)) return 0;
    unsigned features = 0;
    char vendor[13];
    memcpy(vendor, &b, 4); memcpy(vendor + 4, &d, 4); memcpy(vendor + 8, &c, 4); vendor[12] = 0;
    if (strcmp(vendor, "AuthenticAMD") == 0) features |= CKERNELS_CPU_AMD;
    if (max < 7 || !__get_cpuid(1, &a, &b, &c, &d)) return features;
    int fma = (c >> 12) & 1, osxsave = (c >> 27) & 1;
    if (!osxsave) return features;
    unsigned long long xcr0 = xgetbv0();
    unsigned int b7, c7, d7, a7;
    __cpuid_count(7, 0, a7, b7, c7, d7);
    int ymm = (xcr0 & 0x6) == 0x6, zmm = (xcr0 & 0xE6) == 0xE6;
    if (fma && ((b7 >> 5) & 1) && ymm) features |= CKERNELS_CPU_AVX2_FMA;
    unsigned int avx512 = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);  // F DQ CD BW VL
    if ((b7 & avx512) == avx512 && zmm && (features & CKERNELS_CPU_AVX2_FMA)) {
        features |= CKERNELS_CPU_AVX512;
        unsigned int a71, b71, c71, d71;
        __cpuid_count(7, 1, a71, b71, c71, d71);
        if (a7 >= 1 && ((a71 >> 5) & 1)) features |= CKERNELS_CPU_AVX512_BF16;
    }
    return features;
}
#else
unsigned ckernels_cpu_features(void) { return 0; }
#endif

#if defined(__GLIBC__)
#include <gnu/libc-version.h>
const char *ckernels_libc_version(void) { return gnu_get_libc_version(); }
#else
const char *ckernels_libc_version(void) { return "unknown"; }
#endif
