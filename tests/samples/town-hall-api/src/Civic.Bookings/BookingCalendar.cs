using Newtonsoft.Json;

namespace Civic.Bookings;

/// <summary>The bookings of every room; refuses a booking that overlaps another.</summary>
public sealed class BookingCalendar
{
    private readonly List<Booking> bookings = new();

    public IReadOnlyList<Booking> Bookings => bookings;

    public bool TryBook(Booking booking)
    {
        if (bookings.Any(b => b.Overlaps(booking)))
        {
            return false;
        }

        bookings.Add(booking);
        return true;
    }

    public string ToJson() => JsonConvert.SerializeObject(bookings, Formatting.Indented);
}
