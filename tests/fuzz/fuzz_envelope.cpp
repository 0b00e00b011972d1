// libFuzzer target for the envelope and list parsers: any bytes, under any status, must give
// a value or a clear error, never a crash, a hang or undefined behaviour.

#include "api/EnvelopeParser.h"
#include "api/TokenVerifier.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    for (int status : {200, 400, 401, 404, 429, 503}) {
        const ApiResult<Envelope> envelope = EnvelopeParser::interpretResponse(status, body);
        if (!envelope.ok()) {
            (void)envelope.error().toText();
            continue;
        }
        const ApiResult<BuildTokenPage> page = EnvelopeParser::parseBuildTokenPage(envelope.value());
        if (!page.ok())
            (void)page.error().toText();
        (void)EnvelopeParser::parseAccounts(envelope.value());
        (void)TokenVerifier::parseTokenCheck(envelope.value());
    }
    return 0;
}
