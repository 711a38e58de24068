using Google.Rpc;

namespace Ksst.ServiceDefaults.Errors;

/// <summary>
/// Collects every broken field rule of one request, so the caller learns all of them at once
/// (one google.rpc.BadRequest field violation per bad field).
/// </summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    /// <summary>The violations found so far.</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> All => _violations;

    /// <summary>True when no rule is broken.</summary>
    public bool IsEmpty => _violations.Count == 0;

    /// <summary>Records that <paramref name="field"/> (its proto path, e.g. "participant.email") is wrong.</summary>
    public FieldViolations Add(string field, string description)
    {
        if (_violations.All(v => v.Field != field))
        {
            _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }
        return this;
    }

    /// <summary>Records a violation when <paramref name="broken"/> holds.</summary>
    public FieldViolations AddIf(bool broken, string field, string description) =>
        broken ? Add(field, description) : this;

    /// <summary>Throws INVALID_ARGUMENT with every violation when any rule is broken.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw RpcErrors.InvalidArgument(this);
        }
    }
}
