// Proves the chain's canonical form (pinned against hashes computed outside .NET), that only the till's key verifies an
// entry, and — property-tested over random chains — that editing, deleting or reordering any one entry breaks the walk at
// that entry, while an untouched chain always holds.
using System.Security.Cryptography;
using CsCheck;
using TillSync.Core.Chain;

namespace TillSync.Core.Tests.Chain;

public sealed class DocumentChainTests
{
    private static readonly ECDsa TillKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public void Hash_IsSha256OfTheCanonicalText_PinnedOutsideDotNet()
    {
        // python3: hashlib.sha256(b'{}'), then of 'tillsync-chain/1\n1\n' + '0'*64 + '\n' + that hex.
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", DocumentChain.BodySha256("{}"));
        Assert.Equal("438ff82a0e65c658268ed84f03e78c7836db1f1bfa6115f414a9d7eb0062b0f6",
            DocumentChain.Hash(1, DocumentChain.Genesis, DocumentChain.BodySha256("{}")));
        Assert.Equal("e798ee6e77bf8da98bbc70f0c398a96181cfa286265aad77c0cbda39b1a9d6e3", Convert.ToHexStringLower(HqStatementText.Digest(7, 42, null)));
    }

    [Fact]
    public void Verify_OnlyTheSigningKeysSignatureOverThatHash()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hash = DocumentChain.Hash(1, DocumentChain.Genesis, DocumentChain.BodySha256("{}"));
        var signature = DocumentChain.Sign(hash, TillKey);

        Assert.True(DocumentChain.Verify(hash, signature, TillKey));
        Assert.False(DocumentChain.Verify(hash, signature, other));
        Assert.False(DocumentChain.Verify(DocumentChain.Hash(2, DocumentChain.Genesis, DocumentChain.BodySha256("{}")), signature, TillKey));
        Assert.False(DocumentChain.Verify(hash, signature[..^2], TillKey));
        Assert.False(DocumentChain.Verify(hash, "not base64url!", TillKey));
    }

    [Fact]
    public void Walk_UntouchedChain_Holds() =>
        Gen.Int[1, 30].Select(Gen.Int[1, 1_000]).Sample((count, firstSeq) =>
        {
            var walk = new ChainWalk(TillKey);
            Assert.All(Chain(count, firstSeq), link => Assert.Null(walk.Next(link)));
            Assert.Equal(count, walk.Chained);
        }, iter: 50);

    [Fact]
    public void Walk_OneEntryEdited_BreaksThereAsEdited() =>
        Gen.Int[2, 20].SelectMany(n => Gen.Int[0, n - 1].Select(at => (n, at))).Sample(c =>
        {
            var links = Chain(c.n, 1);
            links[c.at] = links[c.at] with { BodySha256 = DocumentChain.BodySha256("{\"edited\":true}") };
            Assert.Equal((links[c.at].TillSeq, ChainBreakKind.Edited), FirstBreak(links));
        }, iter: 50);

    [Fact]
    public void Walk_OneEntryDeleted_BreaksAtTheNextAsMissing() =>
        Gen.Int[3, 20].SelectMany(n => Gen.Int[1, n - 2].Select(at => (n, at))).Sample(c =>
        {
            var links = Chain(c.n, 1);
            links.RemoveAt(c.at);
            Assert.Equal((c.at + 2L, ChainBreakKind.Missing), FirstBreak(links));
        }, iter: 50);

    [Fact]
    public void Walk_TwoEntriesSwapped_BreaksAtTheFirst() =>
        Gen.Int[3, 20].SelectMany(n => Gen.Int[0, n - 2].Select(at => (n, at))).Sample(c =>
        {
            var links = Chain(c.n, 1);
            (links[c.at], links[c.at + 1]) = (links[c.at + 1], links[c.at]);
            var (seq, _) = FirstBreak(links);
            Assert.Equal(c.at + 2L, seq);
        }, iter: 50);

    [Fact]
    public void Walk_UnchainedEntryAfterTheChainBegan_Breaks()
    {
        var links = Chain(3, 1);
        links[2] = links[2] with { PrevHash = null, Hash = null, Signature = null };

        Assert.Equal((3L, ChainBreakKind.Unchained), FirstBreak(links));
    }

    private static (long Seq, ChainBreakKind Kind) FirstBreak(IEnumerable<ChainLink> links)
    {
        var walk = new ChainWalk(TillKey);
        var broken = links.Select(walk.Next).First(b => b is not null)!;
        return (broken.TillSeq, broken.Kind);
    }

    private static List<ChainLink> Chain(int count, int firstSeq)
    {
        var links = new List<ChainLink>(count);
        var prev = DocumentChain.Genesis;
        for (var seq = (long)firstSeq; seq < firstSeq + count; seq++)
        {
            var body = DocumentChain.BodySha256($"{{\"tillSeq\":{seq}}}");
            var hash = DocumentChain.Hash(seq, prev, body);
            links.Add(new ChainLink(seq, body, prev, hash, DocumentChain.Sign(hash, TillKey)));
            prev = hash;
        }

        return links;
    }
}
