namespace NewsPlatform.Benchmarks.Text;

/// <summary>
/// Newsroom-like text for benchmarks: words drawn from Debian's <c>wamerican-large</c> list (115,000 lower-case
/// words) with a Zipf distribution, so a few words are very common and most are rare, as in real prose. Seeded, so a
/// run can be repeated. Word rank 0 is the most common word; <see cref="WordAt"/> tells a benchmark which words are
/// common (rank &lt; 20 appears in nearly every article) and which are rare.
/// </summary>
public sealed class ZipfText
{
    public const string WordListPath = "/usr/share/dict/american-english-large";
    const double Exponent = 1.07; // English word frequencies fit s ≈ 1.0–1.1

    static readonly Lazy<string[]> Vocabulary = new(LoadVocabulary);
    static readonly Lazy<double[]> Cumulative = new(() => CumulativeWeights(Vocabulary.Value.Length));

    static readonly string[] GivenNames =
        ["Camilla", "Jonas", "Amara", "Lukas", "Priya", "Mateo", "Ingrid", "Kwame", "Sofia", "Tomasz", "Hana", "Diego", "Freya", "Omar", "Elena", "Kenji"];
    static readonly string[] FamilyNames =
        ["Jessen", "Okafor", "Lindqvist", "Moreau", "Schneider", "Nakamura", "Alvarez", "Kowalski", "Haddad", "Brennan", "Petrova", "Mensah", "Rossi", "Eriksen"];

    readonly Random _random;

    public ZipfText(int seed) => _random = new Random(seed);

    public static int VocabularySize => Vocabulary.Value.Length;

    /// <summary>The word of a rank: 0 is the most frequent.</summary>
    public static string WordAt(int rank) => Vocabulary.Value[rank];

    public string Word()
    {
        var cumulative = Cumulative.Value;
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Vocabulary.Value[index < 0 ? ~index : index];
    }

    public string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word()));

    /// <summary>A sentence of 8–24 words, capitalised, with a full stop.</summary>
    public string Sentence()
    {
        var words = Words(_random.Next(8, 25));
        return char.ToUpperInvariant(words[0]) + words[1..] + ".";
    }

    /// <summary>Paragraphs separated by blank lines, as article bodies are written.</summary>
    public string Body(int paragraphs, int sentencesPerParagraph = 4) =>
        string.Join("\n\n", Enumerable.Range(0, paragraphs)
            .Select(_ => string.Join(' ', Enumerable.Range(0, sentencesPerParagraph).Select(_ => Sentence()))));

    public string Headline()
    {
        var words = Words(_random.Next(5, 11));
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public string Byline() => $"{GivenNames[_random.Next(GivenNames.Length)]} {FamilyNames[_random.Next(FamilyNames.Length)]}";

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    static string[] LoadVocabulary()
    {
        if (!File.Exists(WordListPath))
            throw new FileNotFoundException($"The benchmark vocabulary is Debian's wamerican-large word list: apt-get install wamerican-large ({WordListPath} is missing).");
        // Lower-case ASCII words only (no proper nouns, no possessives); the list is alphabetical, so shuffle it
        // with a fixed seed before ranking, or every common word would start with "a".
        var words = File.ReadLines(WordListPath).Where(w => w.Length > 0 && w.All(c => c is >= 'a' and <= 'z')).ToArray();
        new Random(20261202).Shuffle(words);
        // Short words are the common ones in real prose: rank by length (a stable sort keeps the shuffle within a length).
        return words.OrderBy(w => Math.Min(w.Length, 12)).ToArray();
    }

    static double[] CumulativeWeights(int n)
    {
        var cumulative = new double[n];
        var sum = 0.0;
        for (var rank = 0; rank < n; rank++)
        {
            sum += 1.0 / Math.Pow(rank + 1, Exponent);
            cumulative[rank] = sum;
        }
        return cumulative;
    }
}
