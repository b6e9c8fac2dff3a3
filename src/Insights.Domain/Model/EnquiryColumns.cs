namespace Insights.Model;

/// <summary>
/// Enquiries as columns of codes, 16 bytes a row: the day logged, the district, exploitation type and nationality
/// as codes into lists of their names, the age in a byte and the gender. What the district breakdowns count, held
/// without a record or a string per row (a 10-million-row extract in 160 MB). No ids: they are only read to check
/// repeats (see the extract reader) and for the record view of small extracts.
/// </summary>
public sealed class EnquiryColumns
{
    /// <summary>The age byte of an unknown age.</summary>
    public const byte UnknownAge = byte.MaxValue;

    int[] _days, _types, _nationalities;
    ushort[] _districts;
    byte[] _ages;
    byte[] _genders;
    readonly Names _districtNames = new(), _typeNames = new(), _nationalityNames = new();

    public EnquiryColumns(int capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        _days = new int[capacity];
        _types = new int[capacity];
        _nationalities = new int[capacity];
        _districts = new ushort[capacity];
        _ages = new byte[capacity];
        _genders = new byte[capacity];
    }

    public int Count { get; private set; }

    /// <summary><see cref="DateOnly.DayNumber"/> of each row's date logged.</summary>
    public ReadOnlySpan<int> Days => _days.AsSpan(0, Count);

    /// <summary>Each row's district: 0 when not logged, else 1 + its index in <see cref="DistrictNames"/>.</summary>
    public ReadOnlySpan<ushort> Districts => _districts.AsSpan(0, Count);

    /// <summary>Each row's exploitation type: an index in <see cref="TypeNames"/>.</summary>
    public ReadOnlySpan<int> Types => _types.AsSpan(0, Count);

    /// <summary>Each row's age in whole years, <see cref="UnknownAge"/> when unknown.</summary>
    public ReadOnlySpan<byte> Ages => _ages.AsSpan(0, Count);

    public ReadOnlySpan<byte> Genders => _genders.AsSpan(0, Count);

    /// <summary>Each row's nationality: 0 when unknown, else 1 + its index in <see cref="NationalityNames"/>.</summary>
    public ReadOnlySpan<int> Nationalities => _nationalities.AsSpan(0, Count);

    public IReadOnlyList<string> DistrictNames => _districtNames.List;
    public IReadOnlyList<string> TypeNames => _typeNames.List;
    public IReadOnlyList<string> NationalityNames => _nationalityNames.List;

    /// <summary>The code of a district name (1-based), added if new.</summary>
    public ushort DistrictCode(string name) => checked((ushort)(_districtNames.Code(name) + 1));

    public int TypeCode(string name) => _typeNames.Code(name);

    public int NationalityCode(string name) => _nationalityNames.Code(name) + 1;

    /// <summary>The district's code, or -1 when no row can hold it.</summary>
    public int FindDistrict(string name) => _districtNames.Find(name) is var i and >= 0 ? i + 1 : -1;

    public int FindNationality(string name) => _nationalityNames.Find(name) is var i and >= 0 ? i + 1 : -1;

    /// <summary>The first and last dates logged; the columns must hold a row.</summary>
    public (DateOnly First, DateOnly Last) DateRange()
    {
        if (Count == 0) throw new InvalidOperationException("no enquiries");
        int first = int.MaxValue, last = int.MinValue;
        foreach (var day in Days)
        {
            if (day < first) first = day;
            if (day > last) last = day;
        }
        return (DateOnly.FromDayNumber(first), DateOnly.FromDayNumber(last));
    }

    /// <summary>The exploitation types some row holds, by code (a name whose rows were all removed is not one).</summary>
    public IReadOnlyList<int> TypesPresent()
    {
        var seen = new bool[TypeNames.Count];
        foreach (var t in Types) seen[t] = true;
        return [.. Enumerable.Range(0, seen.Length).Where(t => seen[t])];
    }

    /// <summary>The nationalities some row holds, by code (1-based).</summary>
    public IReadOnlyList<int> NationalitiesPresent()
    {
        var seen = new bool[NationalityNames.Count + 1];
        foreach (var n in Nationalities) seen[n] = true;
        return [.. Enumerable.Range(1, seen.Length - 1).Where(n => seen[n])];
    }

    /// <summary>The age byte of an age: unknown, or clamped to 0..254 (the age groups of every age are kept).</summary>
    public static byte AgeByte(int? age) => age is { } a ? (byte)Math.Clamp(a, 0, UnknownAge - 1) : UnknownAge;

    public static AgeGroup AgeGroupOf(byte age) => age == UnknownAge ? AgeGroup.Unknown : age >= 18 ? AgeGroup.Adult : AgeGroup.UnderEighteen;

    public void Add(int day, ushort district, int type, byte age, Gender gender, int nationality)
    {
        if (Count == _days.Length) Grow();
        var i = Count++;
        _days[i] = day;
        _districts[i] = district;
        _types[i] = type;
        _ages[i] = age;
        _genders[i] = (byte)gender;
        _nationalities[i] = nationality;
    }

    void Grow()
    {
        var size = (int)Math.Min(Array.MaxLength, _days.Length * 2L);
        Array.Resize(ref _days, size);
        Array.Resize(ref _districts, size);
        Array.Resize(ref _types, size);
        Array.Resize(ref _ages, size);
        Array.Resize(ref _genders, size);
        Array.Resize(ref _nationalities, size);
    }

    /// <summary>Rewrites the type and nationality codes of the rows from <paramref name="from"/> on through the maps
    /// (a reader stores a file's written spellings first and its one spelling per category once the file is read).</summary>
    public void Recode(int from, IReadOnlyList<int> types, IReadOnlyList<int> nationalities)
    {
        for (var i = from; i < Count; i++)
        {
            _types[i] = types[_types[i]];
            if (_nationalities[i] != 0) _nationalities[i] = nationalities[_nationalities[i] - 1];
        }
    }

    /// <summary>Drops the rows from <paramref name="count"/> on (a file read again from its start).</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);

    /// <summary>Removes the rows at the given indices (ascending), keeping the order of the others.</summary>
    public void Remove(IReadOnlyList<int> rows)
    {
        if (rows.Count == 0) return;
        int w = rows[0], k = 0;
        for (var r = rows[0]; r < Count; r++)
        {
            if (k < rows.Count && rows[k] == r) { k++; continue; }
            _days[w] = _days[r];
            _districts[w] = _districts[r];
            _types[w] = _types[r];
            _ages[w] = _ages[r];
            _genders[w] = _genders[r];
            _nationalities[w] = _nationalities[r];
            w++;
        }
        Count = w;
    }

    /// <summary>Row <paramref name="row"/> as a record, with its id.</summary>
    public Enquiry Enquiry(int row, string id) => new(id, DateOnly.FromDayNumber(_days[row]),
        _districts[row] == 0 ? null : _districtNames.List[_districts[row] - 1], _typeNames.List[_types[row]],
        _ages[row] == UnknownAge ? null : _ages[row], (Gender)_genders[row],
        _nationalities[row] == 0 ? null : _nationalityNames.List[_nationalities[row] - 1]);

    /// <summary>Columns of records (the breakdowns of a list of enquiries count through these).</summary>
    public static EnquiryColumns From(IReadOnlyList<Enquiry> enquiries)
    {
        var columns = new EnquiryColumns(enquiries.Count);
        foreach (var e in enquiries)
            columns.Add(e.DateLogged.DayNumber, e.District is null ? (ushort)0 : columns.DistrictCode(e.District),
                columns.TypeCode(e.ExploitationType), AgeByte(e.Age), e.Gender,
                e.Nationality is null ? 0 : columns.NationalityCode(e.Nationality));
        return columns;
    }

    sealed class Names
    {
        readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        public readonly List<string> List = [];

        public int Code(string name)
        {
            if (_codes.TryGetValue(name, out var code)) return code;
            _codes[name] = code = List.Count;
            List.Add(name);
            return code;
        }

        public int Find(string name) => _codes.TryGetValue(name, out var code) ? code : -1;
    }
}
