# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-normal-0.01.gp` in this folder (reads weights-normal-0.01.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-normal-0.01.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 3,3 title 'N(0, 0.01): each layer'."'".'s weights where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.003935675173997879
set xrange [-0.11318141557276248:0.10328071899712085]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.003403531014919281
set xrange [-0.09285172447562218:0.09434248134493828]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.003627151995897293
set xrange [-0.09750178642570972:0.1019915733486414]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.0031992512941360473
set xrange [-0.09027705043554306:0.08568177074193954]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.0025692084431648255
set xrange [-0.06792886778712273:0.07337759658694268]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.002504750341176987
set xrange [-0.06878089718520641:0.06898037157952785]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.003292660117149353
set xrange [-0.09416319727897644:0.08693310916423798]
set xtics 0.05
plot 'weights-normal-0.01.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.004048518687486648
set xrange [-0.0941093597561121:0.12855916805565357]
set xtics 0.1
plot 'weights-normal-0.01.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.0015461422502994538
set xrange [-0.04478398524224758:0.040253838524222374]
set xtics 0.02
plot 'weights-normal-0.01.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
