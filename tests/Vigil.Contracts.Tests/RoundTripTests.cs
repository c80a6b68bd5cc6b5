using Google.Protobuf;
using Vigil.Contracts.Events.V1;

namespace Vigil.Contracts.Tests;

/// <summary>A batch of every kind of event survives the wire, refused attempts and ancestry included.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void A_batch_of_every_event_kind_round_trips()
    {
        var exec = new RuntimeEvent
        {
            Context = new EventContext { Node = "node-1", ContainerId = "abc", PodNamespace = "shop", TimeUnixNano = 1_767_225_600_000_000_001 },
            Process = new Process { Pid = 20, Ppid = 10, Binary = "/bin/sh", Args = { "-c", "id" }, Uid = 33 },
            Ancestors = { new Process { Pid = 10, Binary = "/usr/sbin/nginx" } },
            Errno = 13,
            Exec = new ProcessExec(),
        };
        var batch = new EventBatch
        {
            SenderId = "sensor/node-1",
            SenderIncarnation = "i-1",
            Sequence = 7,
            Events =
            {
                new EventEnvelope { EventId = 1, Runtime = exec },
                new EventEnvelope
                {
                    EventId = 2,
                    Runtime = new RuntimeEvent
                    {
                        File = new FileActivity { Operation = FileOperation.Chmod, Path = "/tmp/x", Mode = Convert.ToUInt32("755", 8) },
                    },
                },
                new EventEnvelope
                {
                    EventId = 3,
                    Runtime = new RuntimeEvent
                    {
                        Connect = new NetworkConnect { DestinationAddress = ByteString.CopyFrom(169, 254, 169, 254), DestinationPort = 80, Protocol = Protocol.Tcp },
                    },
                },
                new EventEnvelope { EventId = 4, Runtime = new RuntimeEvent { Dns = new DnsQuery { Query = "metadata.google.internal", Answered = true } } },
                new EventEnvelope { EventId = 5, Audit = new AuditEvent { Verb = "list", ObjectRef = new ObjectReference { Resource = "secrets" }, ResponseCode = 403 } },
                new EventEnvelope { EventId = 6, Admission = new AdmissionReview { Kind = "Pod", Operation = "CREATE", ObjectJson = ByteString.CopyFromUtf8("{}") } },
                new EventEnvelope { EventId = 7, Inventory = new InventorySnapshot { Cluster = "c", Objects = { new InventoryObject { Kind = "Node", Name = "node-1" } } } },
            },
        };

        var parsed = EventBatch.Parser.ParseFrom(batch.ToByteArray());

        Assert.Equal(batch, parsed);
        Assert.Equal(
            [EventEnvelope.PayloadOneofCase.Runtime, EventEnvelope.PayloadOneofCase.Runtime, EventEnvelope.PayloadOneofCase.Runtime,
             EventEnvelope.PayloadOneofCase.Runtime, EventEnvelope.PayloadOneofCase.Audit, EventEnvelope.PayloadOneofCase.Admission,
             EventEnvelope.PayloadOneofCase.Inventory],
            parsed.Events.Select(e => e.PayloadCase));
        Assert.Equal(13, parsed.Events[0].Runtime.Errno);
        Assert.Equal("/usr/sbin/nginx", parsed.Events[0].Runtime.Ancestors[0].Binary);
        Assert.Equal(RuntimeEvent.KindOneofCase.File, parsed.Events[1].Runtime.KindCase);
    }

    [Fact]
    public void An_event_kind_from_a_newer_sender_parses_as_an_unknown_case_not_an_error()
    {
        // Field 99 of EventEnvelope, length-delimited (tag 794 as a varint, length 1, one byte): what a payload added in a later version looks like to us.
        var newer = new EventEnvelope { EventId = 9 }.ToByteArray().Concat(new byte[] { 0x9A, 0x06, 1, 0 }).ToArray();

        var parsed = EventEnvelope.Parser.ParseFrom(newer);

        Assert.Equal(9ul, parsed.EventId);
        Assert.Equal(EventEnvelope.PayloadOneofCase.None, parsed.PayloadCase);
    }
}
