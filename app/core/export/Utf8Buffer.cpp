#include "Utf8Buffer.h"

#include <utility>

QByteArray Utf8Buffer::take()
{
    m_bytes.truncate(m_size);
    m_size = 0;
    m_data = nullptr;
    return std::exchange(m_bytes, QByteArray());
}

void Utf8Buffer::grow(qsizetype bytes)
{
    m_bytes.resize(m_size + bytes); // grows the allocation geometrically
    m_bytes.resize(m_bytes.capacity()); // and makes all of it room
    m_data = m_bytes.data();
}
