"""The fair queue of query workers: which free worker a request gets, and in what order clients are served."""

from __future__ import annotations

import asyncio

from graph.sparql.scheduling import Departure, FairQueue


def _queue(discarded: list[str] | None = None, unusable: frozenset[str] = frozenset()) -> FairQueue[str]:
    return FairQueue(max_waiting=4, usable=lambda w: w not in unusable, discard=(discarded if discarded is not None else []).append)


def test_the_worker_freed_last_is_handed_out_first() -> None:
    async def scenario() -> list[str]:
        queue = _queue()
        for worker in ("a", "b", "c"):
            queue.add(worker)
        got = [await queue.acquire("client", wait=1, departure=Departure())]
        queue.release("client", got[0])
        got.append(await queue.acquire("client", wait=1, departure=Departure()))
        got.append(await queue.acquire("other", wait=1, departure=Departure()))
        return got

    assert asyncio.run(scenario()) == ["c", "c", "b"]


def test_an_unusable_worker_is_discarded_and_the_next_handed_out() -> None:
    async def scenario() -> str:
        queue = _queue(discarded, frozenset({"b"}))
        queue.add("a")
        queue.add("b")
        return await queue.acquire("client", wait=1, departure=Departure())

    discarded: list[str] = []
    assert asyncio.run(scenario()) == "a"
    assert discarded == ["b"]


def test_a_waiting_client_with_fewer_workers_in_use_goes_first() -> None:
    async def scenario() -> list[str]:
        queue = _queue()
        queue.add("w1")
        queue.add("w2")
        first = await queue.acquire("busy", wait=1, departure=Departure())
        await queue.acquire("busy", wait=1, departure=Departure())  # "busy" holds both workers
        order: list[str] = []

        async def ask(client: str) -> None:
            worker = await queue.acquire(client, wait=5, departure=Departure())
            order.append(client)
            queue.release(client, worker)

        tasks = [asyncio.ensure_future(ask("busy")), asyncio.ensure_future(ask("quiet"))]
        await asyncio.sleep(0)  # both are waiting now
        queue.release("busy", first)  # "busy" still holds one, "quiet" none: "quiet" goes first
        await asyncio.gather(*tasks)
        return order

    assert asyncio.run(scenario()) == ["quiet", "busy"]
