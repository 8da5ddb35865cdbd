using Assay.Compute.Tasks;
using Assay.Ledger.State;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;

namespace Assay.Ledger.Transactions;

/// <summary>What a transaction asks for; one subtype per <see cref="TransactionKind"/>.</summary>
/// <remarks>Encoded after the envelope's kind byte; each subtype documents its fields.</remarks>
public abstract record TransactionBody
{
    /// <summary>The kind written before the body.</summary>
    public abstract TransactionKind Kind { get; }

    /// <summary>Writes the fields.</summary>
    public abstract void Write(CanonicalWriter writer);

    /// <summary>Reads the body of <paramref name="kind"/>; an unknown kind is a format error.</summary>
    public static TransactionBody Read(TransactionKind kind, ref CanonicalReader reader)
    {
        switch (kind)
        {
            case TransactionKind.Transfer:
                return new TransferBody(CanonicalFields.ReadAddress(ref reader), CanonicalFields.ReadAsset(ref reader), reader.ReadUInt64());
            case TransactionKind.RegisterNode:
                return new RegisterNodeBody(reader.ReadUInt64(), NodeCapabilities.Read(ref reader));
            case TransactionKind.AddStake:
                return new AddStakeBody(reader.ReadUInt64());
            case TransactionKind.BeginUnbonding:
                return new BeginUnbondingBody(reader.ReadUInt64());
            case TransactionKind.SubmitTask:
                return new SubmitTaskBody(reader.ReadObject<TaskSpec>());
            case TransactionKind.Commit:
                return new CommitBody(reader.ReadHash(), new Commitment(reader.ReadHash()));
            case TransactionKind.Reveal:
            {
                var taskId = reader.ReadHash();
                var result = reader.ReadObject<TaskResult>();
                var start = reader.Position;
                var salt = reader.ReadBytes(CommitSalt.Length);
                if (salt.Length != CommitSalt.Length)
                {
                    CanonicalReader.Fail(start, "a 32-byte salt");
                }

                var saltValue = new CommitSalt(salt);
                return new RevealBody(taskId, result, saltValue, reader.ReadBytes(RevealBody.MaxProofBytes).ToArray());
            }

            case TransactionKind.Challenge:
                return ChallengeBody.Read(ref reader);
            case TransactionKind.BisectionStep:
                return BisectionStepBody.Read(ref reader);
            case TransactionKind.GovernancePropose:
                return GovernanceProposeBody.Read(ref reader);
            case TransactionKind.GovernanceApprove:
                return new GovernanceApproveBody(reader.ReadHash());
            case TransactionKind.GovernanceExecute:
                return new GovernanceExecuteBody(reader.ReadHash());
            case TransactionKind.EquivocationEvidence:
                return EquivocationEvidenceBody.Read(ref reader);
            case TransactionKind.Unjail:
                return new UnjailBody();
            default:
                CanonicalReader.Fail(reader.Position - 1, "a known transaction kind");
                throw new InvalidOperationException();
        }
    }
}
