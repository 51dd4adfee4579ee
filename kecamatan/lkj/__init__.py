"""What an LKj year needs beyond the realizations, entered in the browser: the IKU sheet, the
Perjanjian Kinerja awal and perubahan, the LKj settings and the comparison values."""
