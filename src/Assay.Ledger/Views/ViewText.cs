using System.Text;

namespace Assay.Ledger.Views;

/// <summary>How the views spell enum values: <c>snake_case</c> of the member name (<c>FailedVerification</c> → <c>failed_verification</c>).</summary>
public static class ViewText
{
    /// <summary>The snake_case spelling of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Snake(value.ToString());

    /// <summary>The snake_case spelling of a PascalCase name.</summary>
    public static string Snake(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
