using System.Globalization;

namespace Ccm.Sandbox.Kube.Selectors;

/// <summary>A small recursive-descent parser for the label selector grammar.</summary>
internal sealed class LabelSelectorParser(string text)
{
    private int position;

    public IEnumerable<LabelRequirement> ParseAll()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            requirements.Add(ParseRequirement());
            SkipSpaces();
            if (position >= text.Length)
            {
                return requirements;
            }

            Expect(',');
        }
    }

    private LabelRequirement ParseRequirement()
    {
        SkipSpaces();
        if (Peek() == '!')
        {
            position++;
            return new LabelRequirement(ReadKey(), LabelOperator.DoesNotExist, []);
        }

        var key = ReadKey();
        SkipSpaces();
        if (position >= text.Length || Peek() == ',')
        {
            return new LabelRequirement(key, LabelOperator.Exists, []);
        }

        if (TryRead("==") || TryRead("="))
        {
            return new LabelRequirement(key, LabelOperator.Equals, [ReadValue()]);
        }

        if (TryRead("!="))
        {
            return new LabelRequirement(key, LabelOperator.NotEquals, [ReadValue()]);
        }

        if (TryRead(">") || TryRead("<"))
        {
            var op = text[position - 1] == '>' ? LabelOperator.GreaterThan : LabelOperator.LessThan;
            var value = ReadValue();
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? new LabelRequirement(key, op, [value])
                : throw Error($"for 'Gt', 'Lt' operators, the value must be an integer: {value}");
        }

        var word = ReadKey();
        var setOperator = word switch
        {
            "in" => LabelOperator.In,
            "notin" => LabelOperator.NotIn,
            _ => throw Error($"found '{word}', expected: in, notin, =, ==, !=, gt, lt"),
        };
        SkipSpaces();
        Expect('(');
        var values = new List<string>();
        while (true)
        {
            values.Add(ReadValue());
            SkipSpaces();
            if (TryRead(")"))
            {
                break;
            }

            Expect(',');
        }

        return new LabelRequirement(key, setOperator, [.. values]);
    }

    private string ReadKey()
    {
        SkipSpaces();
        var start = position;
        while (position < text.Length && !IsDelimiter(text[position]))
        {
            position++;
        }

        return position > start ? text[start..position] : throw Error("expected a label key");
    }

    private string ReadValue()
    {
        SkipSpaces();
        var start = position;
        while (position < text.Length && !IsDelimiter(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is ',' or '=' or '!' or '(' or ')' or '<' or '>';

    private bool TryRead(string token)
    {
        if (string.CompareOrdinal(text, position, token, 0, token.Length) == 0)
        {
            position += token.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        position++;
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipSpaces()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private FormatException Error(string what) =>
        new($"unable to parse requirement: {what} at position {position} in \"{text}\"");
}
