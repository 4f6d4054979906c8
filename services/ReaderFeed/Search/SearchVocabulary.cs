using System.Collections.Concurrent;
using System.Text;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>
/// The words of indexed text as readers type them: lower case, letters and digits only, 3 to 40 characters. They
/// fill the vocabulary table that "did you mean" looks for similar words in. Thread-safe, for a parallel rebuild.
/// </summary>
public sealed class SearchVocabulary
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    readonly ConcurrentDictionary<string, byte> _words = new(StringComparer.Ordinal);

    public void Add(IEnumerable<string> words)
    {
        foreach (var word in words) _words.TryAdd(word, 0);
    }

    public string[] ToSortedArray() => Sorted(_words.Keys);

    /// <summary>Distinct and in ordinal order (PostgreSQL sorts them again in the database's collation).</summary>
    public static string[] Sorted(IEnumerable<string> words)
    {
        var array = words.Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        return array;
    }

    /// <summary>The words of <paramref name="texts"/>, each lower-cased; repeats are not removed.</summary>
    public static IEnumerable<string> WordsOf(params string[] texts)
    {
        var word = new StringBuilder(MaxLength);
        foreach (var text in texts)
        {
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                    continue;
                }
                if (word.Length is >= MinLength and <= MaxLength && !IsNumber(word)) yield return word.ToString();
                word.Clear();
            }
        }
    }

    static bool IsNumber(StringBuilder word)
    {
        foreach (var chunk in word.GetChunks())
            foreach (var c in chunk.Span)
                if (!char.IsDigit(c)) return false;
        return true;
    }
}
