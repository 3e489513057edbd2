/* SPDX-License-Identifier: ISC */
/*
 * The ICU functions that the static libical and libxml2 call, each of
 * which opens ICU on its first call and forwards to it.  ICU's headers
 * rename every function to its versioned symbol (ucal_open ->
 * ucal_open_72), so these definitions carry the names the libraries
 * expect.  Should ICU be missing, the calls fail with
 * U_MISSING_RESOURCE_ERROR, which both libraries report as an error.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "pyplan/icu_lazy.h"

#define STR_(x) #x
#define STR(x) STR_(x)

static void *lib[2];
static int tried;

int
pp_icu_loaded(void)
{
	return lib[0] != NULL || lib[1] != NULL;
}

/* The address of ICU's function name (its versioned symbol), opening ICU
 * on the first call; NULL if ICU or the function is missing. */
static void *
icu(const char *name)
{
	void *p;
	int i;

	if (!tried) {
		tried = 1;
		lib[0] = dlopen("libicui18n.so." STR(U_ICU_VERSION_MAJOR_NUM),
		    RTLD_NOW | RTLD_LOCAL);
		lib[1] = dlopen("libicuuc.so." STR(U_ICU_VERSION_MAJOR_NUM),
		    RTLD_NOW | RTLD_LOCAL);
	}
	for (i = 0; i < 2; i++)
		if (lib[i] != NULL && (p = dlsym(lib[i], name)) != NULL)
			return p;
	return NULL;
}

/*
 * One forwarding function per ICU function: ret name params, calling
 * args.  The pointer dlsym returns is copied into a function pointer
 * (POSIX guarantees the two have the same representation).  st names the
 * UErrorCode argument set on failure; FWD_VOID has none.
 */
#define RESOLVE(name, f)                                                       \
	if (f == NULL) {                                                       \
		void *p_ = icu(STR(name));                                     \
		memcpy(&f, &p_, sizeof(f));                                    \
	}
#define FAIL(st)                                                               \
	if (U_SUCCESS(*(st)))                                                  \
	*(st) = U_MISSING_RESOURCE_ERROR
#define FWD(ret, name, params, args, st, fail)                                 \
	typedef ret(*name##_fn) params;                                        \
	ret name params                                                        \
	{                                                                      \
		static name##_fn f;                                            \
		RESOLVE(name, f)                                               \
		if (f == NULL) {                                               \
			FAIL(st);                                              \
			return fail;                                           \
		}                                                              \
		return f args;                                                 \
	}
#define FWD_STATUS(name, params, args, st)                                     \
	typedef void(*name##_fn) params;                                       \
	void name params                                                       \
	{                                                                      \
		static name##_fn f;                                            \
		RESOLVE(name, f)                                               \
		if (f == NULL) {                                               \
			FAIL(st);                                              \
			return;                                                \
		}                                                              \
		f args;                                                        \
	}
#define FWD_VOID(name, params, args)                                           \
	typedef void(*name##_fn) params;                                       \
	void name params                                                       \
	{                                                                      \
		static name##_fn f;                                            \
		RESOLVE(name, f)                                               \
		if (f != NULL)                                                 \
			f args;                                                \
	}

/* libical: recurrence rules, RSCALE calendars. */
FWD_STATUS(ucal_add,
    (UCalendar * cal, UCalendarDateFields field, int32_t amount,
        UErrorCode *status),
    (cal, field, amount, status), status)
FWD_VOID(ucal_close, (UCalendar * cal), (cal))
FWD(UEnumeration *, ucal_getKeywordValuesForLocale,
    (const char *key, const char *locale, UBool commonlyUsed,
        UErrorCode *status),
    (key, locale, commonlyUsed, status), status, NULL)
FWD(int32_t, ucal_getLimit,
    (const UCalendar *cal, UCalendarDateFields field, UCalendarLimitType type,
        UErrorCode *status),
    (cal, field, type, status), status, 0)
FWD(UDate, ucal_getMillis, (const UCalendar *cal, UErrorCode *status),
    (cal, status), status, 0)
FWD(int32_t, ucal_get,
    (const UCalendar *cal, UCalendarDateFields field, UErrorCode *status),
    (cal, field, status), status, 0)
FWD(UCalendar *, ucal_open,
    (const UChar *zoneID, int32_t len, const char *locale, UCalendarType type,
        UErrorCode *status),
    (zoneID, len, locale, type, status), status, NULL)
FWD_VOID(ucal_setAttribute,
    (UCalendar * cal, UCalendarAttribute attr, int32_t newValue),
    (cal, attr, newValue))
FWD_STATUS(ucal_setDateTime,
    (UCalendar * cal, int32_t year, int32_t month, int32_t date, int32_t hour,
        int32_t minute, int32_t second, UErrorCode *status),
    (cal, year, month, date, hour, minute, second, status), status)
FWD_STATUS(ucal_setDate,
    (UCalendar * cal, int32_t year, int32_t month, int32_t date,
        UErrorCode *status),
    (cal, year, month, date, status), status)
FWD_STATUS(ucal_setMillis,
    (UCalendar * cal, UDate dateTime, UErrorCode *status),
    (cal, dateTime, status), status)
FWD_VOID(ucal_set, (UCalendar * cal, UCalendarDateFields field, int32_t value),
    (cal, field, value))
FWD_VOID(uenum_close, (UEnumeration * en), (en))
FWD(const char *, uenum_next,
    (UEnumeration * en, int32_t *resultLength, UErrorCode *status),
    (en, resultLength, status), status, NULL)
FWD(int32_t, uloc_setKeywordValue,
    (const char *keywordName, const char *keywordValue, char *buffer,
        int32_t bufferCapacity, UErrorCode *status),
    (keywordName, keywordValue, buffer, bufferCapacity, status), status, 0)
FWD(UChar *, u_strFromUTF8Lenient,
    (UChar * dest, int32_t destCapacity, int32_t *pDestLength, const char *src,
        int32_t srcLength, UErrorCode *pErrorCode),
    (dest, destCapacity, pDestLength, src, srcLength, pErrorCode), pErrorCode,
    NULL)

/* libxml2: converters for encodings iconv lacks. */
FWD_VOID(ucnv_close, (UConverter * converter), (converter))
FWD_STATUS(ucnv_convertEx,
    (UConverter * targetCnv, UConverter *sourceCnv, char **target,
        const char *targetLimit, const char **source, const char *sourceLimit,
        UChar *pivotStart, UChar **pivotSource, UChar **pivotTarget,
        const UChar *pivotLimit, UBool reset, UBool flush,
        UErrorCode *pErrorCode),
    (targetCnv, sourceCnv, target, targetLimit, source, sourceLimit, pivotStart,
        pivotSource, pivotTarget, pivotLimit, reset, flush, pErrorCode),
    pErrorCode)
FWD(UConverter *, ucnv_open, (const char *converterName, UErrorCode *err),
    (converterName, err), err, NULL)
FWD_STATUS(ucnv_setFromUCallBack,
    (UConverter * converter, UConverterFromUCallback newAction,
        const void *newContext, UConverterFromUCallback *oldAction,
        const void **oldContext, UErrorCode *err),
    (converter, newAction, newContext, oldAction, oldContext, err), err)
FWD_STATUS(ucnv_setToUCallBack,
    (UConverter * converter, UConverterToUCallback newAction,
        const void *newContext, UConverterToUCallback *oldAction,
        const void **oldContext, UErrorCode *err),
    (converter, newAction, newContext, oldAction, oldContext, err), err)
/* The callbacks libxml2 hands to the converters: ICU calls them only once
 * a converter is open, so ICU is loaded by then. */
FWD_STATUS(UCNV_FROM_U_CALLBACK_STOP,
    (const void *context, UConverterFromUnicodeArgs *fromUArgs,
        const UChar *codeUnits, int32_t length, UChar32 codePoint,
        UConverterCallbackReason reason, UErrorCode *err),
    (context, fromUArgs, codeUnits, length, codePoint, reason, err), err)
FWD_STATUS(UCNV_TO_U_CALLBACK_STOP,
    (const void *context, UConverterToUnicodeArgs *toUArgs,
        const char *codeUnits, int32_t length, UConverterCallbackReason reason,
        UErrorCode *err),
    (context, toUArgs, codeUnits, length, reason, err), err)
