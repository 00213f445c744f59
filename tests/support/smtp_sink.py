"""A tiny SMTP server for the tests (aiosmtpd is not a dependency): just enough of RFC 5321 for
smtplib to hand it messages, which it keeps parsed in `messages`."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_to: list[str]
    message: EmailMessage


class SmtpSink:
    def __init__(self) -> None:
        self.messages: list[Received] = []
        self.port = 0
        self._server: asyncio.Server | None = None
        self._arrived = asyncio.Condition()

    async def start(self, port: int = 0) -> int:
        self._server = await asyncio.start_server(self._session, "127.0.0.1", port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    async def close(self) -> None:
        if self._server:
            self._server.close()
            await self._server.wait_closed()

    async def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(lambda: len(self.messages) >= count), timeout)
        return list(self.messages)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        def reply(line: str) -> None:
            writer.write(line.encode() + b"\r\n")

        mail_from, rcpt_to = "", []
        reply("220 sink ESMTP")
        try:
            while line := await reader.readline():
                verb, _, arg = line.decode().rstrip("\r\n").partition(" ")
                verb = verb.upper()
                if verb in ("EHLO", "HELO"):
                    reply("250 sink")
                elif verb == "MAIL":
                    mail_from, rcpt_to = arg.partition(":")[2].strip(" <>"), []
                    reply("250 OK")
                elif verb == "RCPT":
                    rcpt_to.append(arg.partition(":")[2].strip(" <>"))
                    reply("250 OK")
                elif verb == "DATA":
                    reply("354 end with <CRLF>.<CRLF>")
                    await writer.drain()
                    await self._receive(reader, mail_from, rcpt_to)
                    reply("250 queued")
                elif verb in ("RSET", "NOOP"):
                    reply("250 OK")
                elif verb == "QUIT":
                    reply("221 bye")
                    break
                else:
                    reply("502 not implemented")
                await writer.drain()
        finally:
            writer.close()

    async def _receive(self, reader: asyncio.StreamReader, mail_from: str, rcpt_to: list[str]) -> None:
        lines = []
        while (line := await reader.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)  # undo dot-stuffing
        # Stored with local line ends, as a mailbox keeps them.
        parsed = message_from_bytes(b"".join(lines).replace(b"\r\n", b"\n"), policy=policy.default)
        async with self._arrived:
            self.messages.append(Received(mail_from, list(rcpt_to), parsed))
            self._arrived.notify_all()


class ThreadedSmtpSink:
    """The same sink on its own event loop in a thread, for synchronous tests (the e2e suite)."""

    def __init__(self) -> None:
        import threading

        self._sink = SmtpSink()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="smtp-sink", daemon=True)

    def start(self) -> str:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._sink.start(), self._loop).result(10)
        return self._sink.url

    @property
    def url(self) -> str:
        return self._sink.url

    def wait_for(self, count: int, timeout: float = 30.0) -> list[Received]:
        return asyncio.run_coroutine_threadsafe(self._sink.wait_for(count, timeout), self._loop).result(timeout + 5)

    @property
    def messages(self) -> list[Received]:
        return list(self._sink.messages)

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._sink.close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
