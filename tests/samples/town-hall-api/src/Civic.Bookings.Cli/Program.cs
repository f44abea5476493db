// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2025 City of Exampleton

using Civic.Bookings;

var calendar = new BookingCalendar();
var start = new DateTimeOffset(2025, 3, 1, 18, 0, 0, TimeSpan.FromHours(1));
Console.WriteLine(calendar.TryBook(new Booking("Salle des fêtes", "Chorale", start, start.AddHours(2))));
Console.WriteLine(calendar.ToJson());
