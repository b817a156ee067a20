/*
 * Kida HTML escaping kernels over UTF-16 code units, called from Java through java.lang.foreign.
 *
 * & < > " ' become &amp; &lt; &gt; &quot; &#39; and NUL is dropped; every other code unit
 * (surrogates included, paired or not) is copied as is.
 *
 * The entry points dispatch once, at load time, on what the CPU offers: AVX-512BW, AVX2, or the
 * portable baseline (SSE2 is part of x86-64 itself). Each kernel is compiled for its own target
 * with function attributes, so the library runs on any x86-64 CPU.
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#if !defined(__x86_64__)
#error "kida_escape: only linux-x86_64 is built"
#endif

#include <immintrin.h>

typedef int64_t (*scan_fn)(const uint16_t *, int64_t);
typedef int64_t (*escape_fn)(const uint16_t *, int64_t, uint16_t *);

static inline int is_special(uint16_t c) {
    /* Bit c of the mask is set for each special character; all are below 64. */
    const uint64_t specials = 1ULL | 1ULL << '"' | 1ULL << '&' | 1ULL << '\'' | 1ULL << '<' | 1ULL << '>';
    return c < 64 && ((specials >> c) & 1);
}

static inline int64_t put_replacement(uint16_t c, uint16_t *out, int64_t j) {
    switch (c) {
    case '&': out[j] = '&'; out[j + 1] = 'a'; out[j + 2] = 'm'; out[j + 3] = 'p'; out[j + 4] = ';'; return j + 5;
    case '<': out[j] = '&'; out[j + 1] = 'l'; out[j + 2] = 't'; out[j + 3] = ';'; return j + 4;
    case '>': out[j] = '&'; out[j + 1] = 'g'; out[j + 2] = 't'; out[j + 3] = ';'; return j + 4;
    case '"': out[j] = '&'; out[j + 1] = 'q'; out[j + 2] = 'u'; out[j + 3] = 'o'; out[j + 4] = 't'; out[j + 5] = ';'; return j + 6;
    case '\'': out[j] = '&'; out[j + 1] = '#'; out[j + 2] = '3'; out[j + 3] = '9'; out[j + 4] = ';'; return j + 5;
    default: return j; /* NUL */
    }
}

/* Replacement texts padded to 8 code units, indexed by the low six bits of the special char. */
static const uint16_t REPLACEMENT[64][8] __attribute__((aligned(16))) = {
    ['&'] = {'&', 'a', 'm', 'p', ';'},
    ['<'] = {'&', 'l', 't', ';'},
    ['>'] = {'&', 'g', 't', ';'},
    ['"'] = {'&', 'q', 'u', 'o', 't', ';'},
    ['\''] = {'&', '#', '3', '9', ';'},
};
static const int8_t REPLACEMENT_LENGTH[64] = {
    [0] = 0, ['&'] = 5, ['<'] = 4, ['>'] = 4, ['"'] = 6, ['\''] = 5,
};

/*
 * Writes one code unit or its replacement with no branch: in text dense in specials, the branches
 * of put_replacement mispredict on most characters. Stores 8 code units at out + j, so out needs
 * 8 units of slack.
 */
static inline int64_t put_branchless(uint16_t c, uint16_t *out, int64_t j) {
    const uint64_t specials = 1ULL | 1ULL << '"' | 1ULL << '&' | 1ULL << '\'' | 1ULL << '<' | 1ULL << '>';
    unsigned k = c & 63;
    int sp = (c < 64) & (int)((specials >> k) & 1);
    __m128i keep = _mm_set1_epi16((short)-sp);
    __m128i v = _mm_or_si128(_mm_and_si128(keep, _mm_load_si128((const __m128i *)REPLACEMENT[k])),
                             _mm_andnot_si128(keep, _mm_set1_epi16((short)c)));
    _mm_storeu_si128((__m128i *)(out + j), v);
    return j + 1 + sp * (REPLACEMENT_LENGTH[k] - 1);
}

static int64_t scan_tail(const uint16_t *s, int64_t i, int64_t n) {
    for (; i < n; i++) {
        if (is_special(s[i])) return i;
    }
    return -1;
}

static int64_t escape_tail(const uint16_t *s, int64_t i, int64_t n, uint16_t *out, int64_t j) {
    for (; i < n; i++) {
        uint16_t c = s[i];
        if (is_special(c)) j = put_replacement(c, out, j);
        else out[j++] = c;
    }
    return j;
}

/* ---- baseline: SSE2, 8 code units per step ---- */

static inline int sse2_mask(__m128i v) {
    /* '&'|1 == '\''|1 == '\'' and '<'|2 == '>'|2 == '>': two compares cover four characters. */
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi16(_mm_or_si128(v, _mm_set1_epi16(1)), _mm_set1_epi16('\'')),
                     _mm_cmpeq_epi16(_mm_or_si128(v, _mm_set1_epi16(2)), _mm_set1_epi16('>'))),
        _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('"')), _mm_cmpeq_epi16(v, _mm_setzero_si128())));
    return _mm_movemask_epi8(m);
}

static int64_t scan_sse2(const uint16_t *s, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        int m = sse2_mask(_mm_loadu_si128((const __m128i *)(s + i)));
        if (m) return i + (__builtin_ctz((unsigned)m) >> 1);
    }
    return scan_tail(s, i, n);
}

static int64_t escape_sse2(const uint16_t *s, int64_t n, uint16_t *out) {
    int64_t i = 0, j = 0;
    while (i + 8 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        _mm_storeu_si128((__m128i *)(out + j), v);
        int m = sse2_mask(v);
        if (!m) { i += 8; j += 8; continue; }
        int k = __builtin_ctz((unsigned)m) >> 1;
        i += k;
        j = put_replacement(s[i], out, j + k);
        i++;
    }
    return escape_tail(s, i, n, out, j);
}

/* ---- AVX2: 16 code units per step, 64 per test while the text is clean ---- */

__attribute__((target("avx2")))
static inline __m256i avx2_special(__m256i v) {
    return _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi16(_mm256_or_si256(v, _mm256_set1_epi16(1)), _mm256_set1_epi16('\'')),
                        _mm256_cmpeq_epi16(_mm256_or_si256(v, _mm256_set1_epi16(2)), _mm256_set1_epi16('>'))),
        _mm256_or_si256(_mm256_cmpeq_epi16(v, _mm256_set1_epi16('"')),
                        _mm256_cmpeq_epi16(v, _mm256_setzero_si256())));
}

__attribute__((target("avx2")))
static int64_t scan_avx2(const uint16_t *s, int64_t n) {
    int64_t i = 0;
    for (; i + 64 <= n; i += 64) {
        __m256i m = _mm256_or_si256(
            _mm256_or_si256(avx2_special(_mm256_loadu_si256((const __m256i *)(s + i))),
                            avx2_special(_mm256_loadu_si256((const __m256i *)(s + i + 16)))),
            _mm256_or_si256(avx2_special(_mm256_loadu_si256((const __m256i *)(s + i + 32))),
                            avx2_special(_mm256_loadu_si256((const __m256i *)(s + i + 48)))));
        if (!_mm256_testz_si256(m, m)) break;
    }
    for (; i + 16 <= n; i += 16) {
        unsigned m = (unsigned)_mm256_movemask_epi8(avx2_special(_mm256_loadu_si256((const __m256i *)(s + i))));
        if (m) return i + (__builtin_ctz(m) >> 1);
    }
    return scan_tail(s, i, n);
}

__attribute__((target("avx2")))
static int64_t escape_avx2(const uint16_t *s, int64_t n, uint16_t *out) {
    int64_t i = 0, j = 0;
    while (i + 16 <= n) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
        _mm256_storeu_si256((__m256i *)(out + j), v);
        unsigned m = (unsigned)_mm256_movemask_epi8(avx2_special(v));
        if (!m) { i += 16; j += 16; continue; }
        if (__builtin_popcount(m) > 4) { /* three or more specials (two bits each) */
            for (int l = 0; l < 16; l++) j = put_branchless(s[i + l], out, j);
            i += 16;
            continue;
        }
        int k = __builtin_ctz(m) >> 1;
        i += k;
        j = put_replacement(s[i], out, j + k);
        i++;
    }
    return escape_tail(s, i, n, out, j);
}

/* ---- AVX-512BW: 32 code units per step, compares straight into mask registers ---- */

/*
 * Zero in the lanes holding & < > " ' or NUL: an unsigned minimum of XORs ('&'|1 == '\''|1 and
 * '<'|2 == '>'|2, so two (v | k) ^ c terms, each one vpternlog, cover four chars). Measured
 * (16 Ki clean bytes, best of 300 rounds): four compares into mask registers OR-ed together
 * scanned 30 bytes/ns, this folded into one compare per four vectors about twice that.
 */
__attribute__((target("avx512f,avx512bw")))
static inline __m512i avx512_distance(__m512i v) {
    __m512i a = _mm512_ternarylogic_epi32(v, _mm512_set1_epi16(1), _mm512_set1_epi16('\''), 0x56);
    __m512i b = _mm512_ternarylogic_epi32(v, _mm512_set1_epi16(2), _mm512_set1_epi16('>'), 0x56);
    __m512i c = _mm512_xor_si512(v, _mm512_set1_epi16('"'));
    return _mm512_min_epu16(_mm512_min_epu16(a, b), _mm512_min_epu16(c, v));
}

__attribute__((target("avx512f,avx512bw")))
static inline __mmask32 avx512_special(__m512i v) {
    __m512i d = avx512_distance(v);
    return _mm512_testn_epi16_mask(d, d);
}

__attribute__((target("avx512f,avx512bw")))
static int64_t scan_avx512(const uint16_t *s, int64_t n) {
    int64_t i = 0;
    for (; i + 128 <= n; i += 128) {
        __m512i d = _mm512_min_epu16(
            _mm512_min_epu16(avx512_distance(_mm512_loadu_si512(s + i)), avx512_distance(_mm512_loadu_si512(s + i + 32))),
            _mm512_min_epu16(avx512_distance(_mm512_loadu_si512(s + i + 64)), avx512_distance(_mm512_loadu_si512(s + i + 96))));
        if (_mm512_testn_epi16_mask(d, d)) break;
    }
    for (; i + 32 <= n; i += 32) {
        __mmask32 m = avx512_special(_mm512_loadu_si512(s + i));
        if (m) return i + __builtin_ctz(m);
    }
    if (i < n) {
        /* A masked load reads only the lanes that exist. */
        __mmask32 live = (__mmask32)((1ULL << (n - i)) - 1);
        __mmask32 m = avx512_special(_mm512_maskz_loadu_epi16(live, s + i)) & live;
        if (m) return i + __builtin_ctz(m);
    }
    return -1;
}

/*
 * Each vector is stored whole; at a special, its replacement is written from the table with one
 * 16-byte store and the vector is stored again, masked to the lanes after the special, so that
 * they follow the replacement. No branch depends on which special it is, and the vector is
 * never reloaded: measured on 2%-special prose (JMH, 16 Ki chars), restarting the vector after
 * each special as the AVX2 kernel does spent most of its time in mispredicted branches.
 */
__attribute__((target("avx512f,avx512bw")))
static int64_t escape_avx512(const uint16_t *s, int64_t n, uint16_t *out) {
    int64_t i = 0, j = 0;
    for (; i + 32 <= n; i += 32) {
        __m512i v = _mm512_loadu_si512(s + i);
        _mm512_storeu_si512(out + j, v);
        __mmask32 m = avx512_special(v);
        while (m) {
            int k = __builtin_ctz(m);
            unsigned c = s[i + k] & 63;
            _mm_storeu_si128((__m128i *)(out + j + k), _mm_load_si128((const __m128i *)REPLACEMENT[c]));
            j += REPLACEMENT_LENGTH[c] - 1;
            /* two shifts: k may be 31 */
            _mm512_mask_storeu_epi16(out + j, (__mmask32)(~0u << k << 1), v);
            m &= m - 1;
        }
        j += 32;
    }
    return escape_tail(s, i, n, out, j);
}

/* ---- byte scans: the low bytes of a String's chars (Latin-1 text copied as is) ---- */

static inline int is_special_byte(uint8_t b) {
    return b == '&' || b == '<' || b == '>' || b == '"' || b == '\'' || b == 0;
}

static int64_t scan8_sse2(const uint8_t *s, int64_t n) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8('\'')),
                         _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(2)), _mm_set1_epi8('>'))),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_setzero_si128())));
        int bits = _mm_movemask_epi8(m);
        if (bits) return i + __builtin_ctz((unsigned)bits);
    }
    for (; i < n; i++) if (is_special_byte(s[i])) return i;
    return -1;
}

__attribute__((target("avx2")))
static inline __m256i avx2_special8(__m256i v) {
    return _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_or_si256(v, _mm256_set1_epi8(1)), _mm256_set1_epi8('\'')),
                        _mm256_cmpeq_epi8(_mm256_or_si256(v, _mm256_set1_epi8(2)), _mm256_set1_epi8('>'))),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('"')),
                        _mm256_cmpeq_epi8(v, _mm256_setzero_si256())));
}

__attribute__((target("avx2")))
static int64_t scan8_avx2(const uint8_t *s, int64_t n) {
    int64_t i = 0;
    for (; i + 128 <= n; i += 128) {
        __m256i m = _mm256_or_si256(
            _mm256_or_si256(avx2_special8(_mm256_loadu_si256((const __m256i *)(s + i))),
                            avx2_special8(_mm256_loadu_si256((const __m256i *)(s + i + 32)))),
            _mm256_or_si256(avx2_special8(_mm256_loadu_si256((const __m256i *)(s + i + 64))),
                            avx2_special8(_mm256_loadu_si256((const __m256i *)(s + i + 96)))));
        if (!_mm256_testz_si256(m, m)) break;
    }
    for (; i + 32 <= n; i += 32) {
        unsigned m = (unsigned)_mm256_movemask_epi8(avx2_special8(_mm256_loadu_si256((const __m256i *)(s + i))));
        if (m) return i + __builtin_ctz(m);
    }
    for (; i < n; i++) if (is_special_byte(s[i])) return i;
    return -1;
}

__attribute__((target("avx512f,avx512bw")))
static inline __m512i avx512_distance8(__m512i v) {
    __m512i a = _mm512_ternarylogic_epi32(v, _mm512_set1_epi8(1), _mm512_set1_epi8('\''), 0x56);
    __m512i b = _mm512_ternarylogic_epi32(v, _mm512_set1_epi8(2), _mm512_set1_epi8('>'), 0x56);
    __m512i c = _mm512_xor_si512(v, _mm512_set1_epi8('"'));
    return _mm512_min_epu8(_mm512_min_epu8(a, b), _mm512_min_epu8(c, v));
}

__attribute__((target("avx512f,avx512bw")))
static inline __mmask64 avx512_special8(__m512i v) {
    __m512i d = avx512_distance8(v);
    return _mm512_testn_epi8_mask(d, d);
}

__attribute__((target("avx512f,avx512bw")))
static int64_t scan8_avx512(const uint8_t *s, int64_t n) {
    int64_t i = 0;
    for (; i + 256 <= n; i += 256) {
        __m512i d = _mm512_min_epu8(
            _mm512_min_epu8(avx512_distance8(_mm512_loadu_si512(s + i)), avx512_distance8(_mm512_loadu_si512(s + i + 64))),
            _mm512_min_epu8(avx512_distance8(_mm512_loadu_si512(s + i + 128)), avx512_distance8(_mm512_loadu_si512(s + i + 192))));
        if (_mm512_testn_epi8_mask(d, d)) break;
    }
    for (; i + 64 <= n; i += 64) {
        __mmask64 m = avx512_special8(_mm512_loadu_si512(s + i));
        if (m) return i + __builtin_ctzll(m);
    }
    if (i < n) {
        __mmask64 live = (__mmask64)((1ULL << (n - i)) - 1);
        __mmask64 m = avx512_special8(_mm512_maskz_loadu_epi8(live, s + i)) & live;
        if (m) return i + __builtin_ctzll(m);
    }
    return -1;
}

/* ---- scans for a special char or '?' (escapeInto: '?' may stand for a char the copy could not take) ---- */

/*
 * 0x80 at the index of each of & < > " ' NUL ?: with AVX512-VBMI one two-table byte permute
 * (vpermi2b, 128 entries, indexed by the low seven bits) looks every byte up, and AND-NOT with
 * the byte itself clears bit 7 for bytes >= 0x80, so bit 7 is left set exactly on the bytes
 * sought. Measured (16 Ki clean bytes, CPU time, best of 3 x 100,000): 175 ns against 300 ns for
 * the min-of-XORs scan of the six specials alone (which the extra '?' would make slower still),
 * about as long as the memcpy of the same bytes.
 */
static const uint8_t TABLE_SQ[128] __attribute__((aligned(64))) = {
    [0] = 0x80, ['"'] = 0x80, ['&'] = 0x80, ['\''] = 0x80, ['<'] = 0x80, ['>'] = 0x80, ['?'] = 0x80,
};

/* The same without '?': the String path's search for the six specials (kida_scan8). */
static const uint8_t TABLE_S[128] __attribute__((aligned(64))) = {
    [0] = 0x80, ['"'] = 0x80, ['&'] = 0x80, ['\''] = 0x80, ['<'] = 0x80, ['>'] = 0x80,
};

/*
 * Bit 7 of each byte of the result set where a's byte is sought: the table's byte, cleared for
 * bytes >= 0x80 (AND-NOT; Latin-1 text, where those are plain chars), or set for them too (OR;
 * UTF-8 output, where such a char takes two bytes and the scan must stop).
 */
__attribute__((target("avx512f,avx512bw,avx512vbmi"), always_inline))
static inline __m512i lookup_vbmi(__m512i a, __m512i lo, __m512i hi, int high) {
    __m512i t = _mm512_permutex2var_epi8(lo, a, hi);
    return high ? _mm512_or_si512(a, t) : _mm512_andnot_si512(a, t);
}

/*
 * The index of the first byte of s[0, n) that table (128 entries, 0x80 where sought) marks, or
 * -1; with high, bytes >= 0x80 too. All loads are aligned to 64 bytes: the first one is masked
 * to the lanes from s on (a masked-off lane never faults) and the last one to the lanes before
 * s + n. Profile finding (issue 13, fifth round): a Java byte[]'s data is only 8-byte aligned,
 * so unaligned 64-byte loads over the output's array crossed a cache line every time: the
 * VBMI scan of 16 Ki clean bytes took 250 ns on the heap array against 171 ns on an aligned
 * off-heap copy (CPU time, best of 25 x 2,000 calls, 14 ns of it the downcall), which made
 * ffi-latin1 slower than simd-latin1 though its scan is not slower.
 */
__attribute__((target("avx512f,avx512bw,avx512vbmi"), always_inline))
static inline int64_t scan_vbmi(const uint8_t *s, int64_t n, const uint8_t *table, int high) {
    if (n <= 0) return -1;
    const __m512i lo = _mm512_load_si512(table), hi = _mm512_load_si512(table + 64);
    int64_t mis = (int64_t)((uintptr_t)s & 63);
    const uint8_t *base = s - mis; /* aligned; indexes below are from base */
    int64_t end = mis + n;
    __mmask64 live = ~0ULL << mis;
    if (end < 64) live &= (1ULL << end) - 1;
    __mmask64 m = _mm512_movepi8_mask(lookup_vbmi(_mm512_maskz_loadu_epi8(live, base), lo, hi, high)) & live;
    if (m) return __builtin_ctzll(m) - mis;
    int64_t i = 64;
    for (; i + 256 <= end; i += 256) {
        __m512i ra = lookup_vbmi(_mm512_load_si512(base + i), lo, hi, high);
        __m512i rb = lookup_vbmi(_mm512_load_si512(base + i + 64), lo, hi, high);
        __m512i rc = lookup_vbmi(_mm512_load_si512(base + i + 128), lo, hi, high);
        __m512i rd = lookup_vbmi(_mm512_load_si512(base + i + 192), lo, hi, high);
        __m512i r = _mm512_ternarylogic_epi32(ra, rb, _mm512_or_si512(rc, rd), 0xFE); /* a | b | c */
        if (_mm512_movepi8_mask(r)) break;
    }
    for (; i + 64 <= end; i += 64) {
        m = _mm512_movepi8_mask(lookup_vbmi(_mm512_load_si512(base + i), lo, hi, high));
        if (m) return i + __builtin_ctzll(m) - mis;
    }
    if (i < end) {
        live = (__mmask64)((1ULL << (end - i)) - 1);
        m = _mm512_movepi8_mask(lookup_vbmi(_mm512_maskz_loadu_epi8(live, base + i), lo, hi, high)) & live;
        if (m) return i + __builtin_ctzll(m) - mis;
    }
    return -1;
}

__attribute__((target("avx512f,avx512bw,avx512vbmi")))
static int64_t scan8q_vbmi(const uint8_t *s, int64_t n) {
    return scan_vbmi(s, n, TABLE_SQ, 0);
}

/*
 * The same lookup for UTF-8 output, where a byte of 0x80 or more (a Latin-1 char that UTF-8
 * writes in two bytes) must stop the scan too: OR with the byte instead of AND-NOT, so that bit
 * 7 is set on the seven bytes and on every high byte. Same cost as scan8q_vbmi.
 */
__attribute__((target("avx512f,avx512bw,avx512vbmi")))
static int64_t scan8qh_vbmi(const uint8_t *s, int64_t n) {
    return scan_vbmi(s, n, TABLE_SQ, 1);
}

/* The six specials by the VBMI lookup: kida_scan8 where the CPU has VBMI (the String path). */
__attribute__((target("avx512f,avx512bw,avx512vbmi")))
static int64_t scan8_vbmi(const uint8_t *s, int64_t n) {
    return scan_vbmi(s, n, TABLE_S, 0);
}

/* The index of the first byte of s[0, n) of 0x80 or more, or -1 (SSE2: the x86-64 baseline). */
static int64_t find_high(const uint8_t *s, int64_t n) {
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        int m = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + i)));
        if (m) return i + __builtin_ctz(m);
    }
    for (; i < n; i++) {
        if (s[i] >= 0x80) return i;
    }
    return -1;
}

/* The index of the first '?' or byte of 0x80 or more in s[0, n), or -1 (SSE2). */
static int64_t find_q_or_high(const uint8_t *s, int64_t n) {
    const __m128i q = _mm_set1_epi8('?');
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        int m = _mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, q)));
        if (m) return i + __builtin_ctz(m);
    }
    for (; i < n; i++) {
        if (s[i] >= 0x80 || s[i] == '?') return i;
    }
    return -1;
}

static int64_t scan8_any(const uint8_t *s, int64_t n);

/* Without VBMI: the special-char scan, and memchr for '?' before the special found. */
static int64_t scan8q_two(const uint8_t *s, int64_t n) {
    int64_t k = scan8_any(s, n);
    const uint8_t *q = memchr(s, '?', (size_t)(k < 0 ? n : k));
    return q ? q - s : k;
}

/* Without VBMI: the two-scan loop, and a scan for a high byte before what it found. */
static int64_t scan8qh_two(const uint8_t *s, int64_t n) {
    int64_t k = scan8q_two(s, n);
    int64_t h = find_high(s, k < 0 ? n : k);
    return h >= 0 ? h : k;
}

/* ---- byte escapes: an output's bytes (Latin-1 or ASCII text, one byte per char) ---- */

static const uint8_t REPLACEMENT8[64][8] __attribute__((aligned(8))) = {
    ['&'] = {'&', 'a', 'm', 'p', ';'},
    ['<'] = {'&', 'l', 't', ';'},
    ['>'] = {'&', 'g', 't', ';'},
    ['"'] = {'&', 'q', 'u', 'o', 't', ';'},
    ['\''] = {'&', '#', '3', '9', ';'},
};

static int64_t escape8_tail(const uint8_t *s, int64_t i, int64_t n, uint8_t *out, int64_t j) {
    for (; i < n; i++) {
        uint8_t c = s[i];
        if (is_special_byte(c)) {
            memcpy(out + j, REPLACEMENT8[c], 8);
            j += REPLACEMENT_LENGTH[c];
        } else {
            out[j++] = c;
        }
    }
    return j;
}

typedef int64_t (*escape8_fn)(const uint8_t *, int64_t, uint8_t *);

/* Without byte-masked stores: copy the clean run up to each special found by the scan. */
static int64_t escape8_runs(const uint8_t *s, int64_t n, uint8_t *out);

/* As escape_avx512, on 64 bytes per vector. */
__attribute__((target("avx512f,avx512bw")))
static int64_t escape8_avx512(const uint8_t *s, int64_t n, uint8_t *out) {
    int64_t i = 0, j = 0;
    for (; i + 64 <= n; i += 64) {
        __m512i v = _mm512_loadu_si512(s + i);
        _mm512_storeu_si512(out + j, v);
        __mmask64 m = avx512_special8(v);
        while (m) {
            int k = __builtin_ctzll(m);
            unsigned c = s[i + k] & 63;
            _mm_storel_epi64((__m128i *)(out + j + k), _mm_loadl_epi64((const __m128i *)REPLACEMENT8[c]));
            j += REPLACEMENT_LENGTH[c] - 1;
            /* two shifts: k may be 63 */
            _mm512_mask_storeu_epi8(out + j, (__mmask64)(~0ULL << k << 1), v);
            m &= m - 1;
        }
        j += 64;
    }
    return escape8_tail(s, i, n, out, j);
}

/* ---- dispatch ---- */

static int supported(int which);

typedef int64_t (*scan8_fn)(const uint8_t *, int64_t);

static scan_fn scan_impl = scan_sse2;
static scan8_fn scan8_impl = scan8_sse2;
static escape_fn escape_impl = escape_sse2;
static escape8_fn escape8_impl = escape8_runs;
typedef int64_t (*scan8q_fn)(const uint8_t *, int64_t);
static scan8q_fn scan8q_impl = scan8q_two;
static scan8q_fn scan8qh_impl = scan8qh_two;

static int64_t scan8_any(const uint8_t *s, int64_t n) {
    return scan8_impl(s, n);
}
static const char *level = "sse2";

__attribute__((constructor))
static void choose_kernels(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f")) {
        scan_impl = scan_avx512;
        scan8_impl = scan8_avx512;
        escape_impl = escape_avx512;
        escape8_impl = escape8_avx512;
        level = "avx512bw";
        if (__builtin_cpu_supports("avx512vbmi")) {
            scan8q_impl = scan8q_vbmi;
            scan8qh_impl = scan8qh_vbmi;
            scan8_impl = scan8_vbmi; /* 16 Ki clean bytes: ~175 ns against ~300 for the min-of-XORs scan */
        }
    } else if (__builtin_cpu_supports("avx2")) {
        scan_impl = scan_avx2;
        scan8_impl = scan8_avx2;
        escape_impl = escape_avx2;
        level = "avx2";
    }
}

/** The index of the first special code unit in s[0, n), or -1. */
int64_t kida_scan(const uint16_t *s, int64_t n) {
    return scan_impl(s, n);
}

/**
 * The index of the first byte of s[0, n) equal to a special character or NUL, or -1: run on the
 * low bytes of a String's chars, where a hit may also be a wider char with that low byte (the
 * caller checks).
 */
int64_t kida_scan8(const uint8_t *s, int64_t n) {
    return scan8_impl(s, n);
}

/** kida_scan8 with a chosen kernel family, as kida_scan_with; returns -2 when not supported. */
int64_t kida_scan8_with(int which, const uint8_t *s, int64_t n) {
    if (!supported(which)) return -2;
    return which == 3 ? scan8_vbmi(s, n) : which == 2 ? scan8_avx512(s, n) : which == 1 ? scan8_avx2(s, n) : scan8_sse2(s, n);
}

/**
 * Writes the escaped form of s[0, n) to out, which has room for 6 * n + 32 code units (the
 * kernels store whole vectors, or 8 units, past the end of what they keep); returns the length
 * written.
 */
int64_t kida_escape(const uint16_t *s, int64_t n, uint16_t *out) {
    return escape_impl(s, n, out);
}

static int64_t escape8_runs(const uint8_t *s, int64_t n, uint8_t *out) {
    int64_t i = 0, j = 0;
    while (i < n) {
        int64_t k = scan8_impl(s + i, n - i);
        if (k < 0) {
            memcpy(out + j, s + i, (size_t)(n - i));
            return j + (n - i);
        }
        memcpy(out + j, s + i, (size_t)k);
        j += k;
        i += k;
        uint8_t c = s[i++];
        memcpy(out + j, REPLACEMENT8[c], 8);
        j += REPLACEMENT_LENGTH[c];
    }
    return j;
}

/** The index of the first byte b in s[from, to), or -1. */
int64_t kida_find8(const uint8_t *s, int64_t from, int64_t to, int64_t b) {
    const uint8_t *p = from < to ? memchr(s + from, (int)b, (size_t)(to - from)) : NULL;
    return p ? p - s : -1;
}

/** The index of the first byte of s[from, to) that is a special char or '?', or -1. */
int64_t kida_scan8q_range(const uint8_t *s, int64_t from, int64_t to) {
    int64_t k = scan8q_impl(s + from, to - from);
    return k < 0 ? -1 : from + k;
}

/** kida_scan8q_range with a chosen kernel family (3 avx512vbmi, others the two-scan loop); -2 if unsupported. */
int64_t kida_scan8q_with(int which, const uint8_t *s, int64_t from, int64_t to) {
    if (!supported(which)) return -2;
    int64_t k = which == 3 ? scan8q_vbmi(s + from, to - from) : scan8q_two(s + from, to - from);
    return k < 0 ? -1 : from + k;
}

/**
 * The index of the first byte of s[from, to) that is a special char, '?' or 0x80 or more (UTF-8
 * output), or -1.
 */
int64_t kida_scan8qh_range(const uint8_t *s, int64_t from, int64_t to) {
    int64_t k = scan8qh_impl(s + from, to - from);
    return k < 0 ? -1 : from + k;
}

/** kida_scan8qh_range with a chosen kernel family (3 avx512vbmi, others the two-scan loop); -2 if unsupported. */
int64_t kida_scan8qh_with(int which, const uint8_t *s, int64_t from, int64_t to) {
    if (!supported(which)) return -2;
    int64_t k = which == 3 ? scan8qh_vbmi(s + from, to - from) : scan8qh_two(s + from, to - from);
    return k < 0 ? -1 : from + k;
}

/** The index of the first '?' or byte of 0x80 or more in s[from, to), or -1. */
int64_t kida_find8qh(const uint8_t *s, int64_t from, int64_t to) {
    int64_t k = from < to ? find_q_or_high(s + from, to - from) : -1;
    return k < 0 ? -1 : from + k;
}

/** kida_scan8 on s[from, to), as an index into s. */
int64_t kida_scan8_range(const uint8_t *s, int64_t from, int64_t to) {
    int64_t k = scan8_impl(s + from, to - from);
    return k < 0 ? -1 : from + k;
}

/**
 * Writes the escaped form of the bytes src[from, to) (one char each) to dst from at, which has
 * room for 6 * (to - from) + 64 bytes; returns the index after the last byte written.
 */
int64_t kida_escape8(const uint8_t *src, int64_t from, int64_t to, uint8_t *dst, int64_t at) {
    return at + escape8_impl(src + from, to - from, dst + at);
}

/** kida_escape8 with a chosen kernel family (2 avx512bw; others the run-copying loop); -2 if unsupported. */
int64_t kida_escape8_with(int which, const uint8_t *src, int64_t from, int64_t to, uint8_t *dst, int64_t at) {
    if (!supported(which)) return -2;
    return at + (which == 2 ? escape8_avx512(src + from, to - from, dst + at) : escape8_runs(src + from, to - from, dst + at));
}

/** The kernel family in use: "avx512bw", "avx2" or "sse2". */
const char *kida_level(void) {
    return level;
}

static int supported(int which) {
    switch (which) {
    case 0: return 1;
    case 1: return __builtin_cpu_supports("avx2");
    case 2: return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f");
    case 3: return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512f")
                   && __builtin_cpu_supports("avx512vbmi");
    default: return 0;
    }
}

/**
 * kida_scan with a chosen kernel family (0 sse2, 1 avx2, 2 avx512bw), so tests can check every
 * path on one machine; returns -2 when this CPU lacks it.
 */
int64_t kida_scan_with(int which, const uint16_t *s, int64_t n) {
    if (!supported(which)) return -2;
    return which == 2 ? scan_avx512(s, n) : which == 1 ? scan_avx2(s, n) : scan_sse2(s, n);
}

/** kida_escape with a chosen kernel family, as kida_scan_with; returns -2 when not supported. */
int64_t kida_escape_with(int which, const uint16_t *s, int64_t n, uint16_t *out) {
    if (!supported(which)) return -2;
    return which == 2 ? escape_avx512(s, n, out) : which == 1 ? escape_avx2(s, n, out) : escape_sse2(s, n, out);
}
