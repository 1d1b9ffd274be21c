# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-xavier.gp` in this folder (reads weights-xavier.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-xavier.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'Xavier uniform: each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.006749671697616577
set xrange [-0.1832634061574936:0.18796853721141815]
set xtics 0.1
plot 'weights-xavier.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.007542184889316559
set xrange [-0.20760946944355965:0.2072106994688511]
set xtics 0.1
plot 'weights-xavier.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.007330577373504638
set xrange [-0.20172972679138185:0.2014520287513733]
set xtics 0.1
plot 'weights-xavier.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.007023328840732574
set xrange [-0.1955621100962162:0.1907209761440754]
set xtics 0.1
plot 'weights-xavier.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.007202128469944
set xrange [-0.20229148343205453:0.1938255824148655]
set xtics 0.1
plot 'weights-xavier.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.0069712972640991215
set xrange [-0.19401688277721404:0.1894044667482376]
set xtics 0.1
plot 'weights-xavier.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.007437936663627624
set xrange [-0.20875837951898574:0.2003281369805336]
set xtics 0.1
plot 'weights-xavier.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.007173336744308471
set xrange [-0.1958907127380371:0.19864280819892882]
set xtics 0.1
plot 'weights-xavier.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.00724258691072464
set xrange [-0.2012090004980564:0.19713327959179877]
set xtics 0.1
plot 'weights-xavier.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.007677243649959564
set xrange [-0.20696624740958214:0.2152821533381939]
set xtics 0.1
plot 'weights-xavier.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 11'
set boxwidth 0.011881399154663085
set xrange [-0.31913065910339355:0.33434629440307617]
set xtics 0.2
plot 'weights-xavier.dat' index 10 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 10 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
